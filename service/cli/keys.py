"""`a87map keys create|list|revoke`: API keys for readers, editors and admins."""

from typing import Annotated

import typer
from rich.table import Table

from service.cli.support import console, load_settings, on_database
from service.editing import keys

keys_app = typer.Typer(help="API keys for readers, editors and admins.", no_args_is_help=True)


@keys_app.command("create")
def create_key(
    name: str,
    role: Annotated[
        str,
        typer.Option(help="reader (reads what the public cannot, writes nothing), editor or admin"),
    ] = "editor",
    organization: Annotated[
        str | None, typer.Option(help="Scope an editor key to this organization id")
    ] = None,
) -> None:
    """Create a key and print its token: the only time it is shown."""
    loaded = load_settings()
    info, token = on_database(loaded, lambda db: keys.create_key(db, name, role, organization))
    scope = f", scoped to {info.organization}" if info.organization else ""
    console.print(f"Created {info.role} key '{info.name}'{scope}. Its token, shown only now:")
    console.print(token, highlight=False, soft_wrap=True)


@keys_app.command("list")
def list_keys() -> None:
    """Every key: name, role, scope, when created and revoked. Tokens are never shown."""
    loaded = load_settings()
    table = Table("name", "role", "organization", "created", "revoked", title="API keys")
    for key in on_database(loaded, keys.list_keys):
        table.add_row(key.name, key.role, key.organization or "", key.created, key.revoked or "")
    console.print(table)


@keys_app.command("revoke")
def revoke_key(name: str) -> None:
    """Revoke a key; requests sent with it are refused from now on."""
    loaded = load_settings()
    if not on_database(loaded, lambda db: keys.revoke_key(db, name)):
        console.print(f"[red]error:[/red] no live key is named '{name}'")
        raise typer.Exit(1)
    console.print(f"Revoked '{name}'.")
