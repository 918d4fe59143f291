"""Commands for keeping the map current: `a87map keys create|list|revoke` for API keys and
`a87map history ID` for a record's audit trail."""

import asyncio
import json
from typing import Annotated

import typer
from rich.table import Table

from service.cli_support import console, load_settings, run_command
from service.editing import audit, keys
from service.runtime import open_database

keys_app = typer.Typer(help="API keys for editors and admins.", no_args_is_help=True)


@keys_app.command("create")
def create_key(
    name: str,
    role: Annotated[str, typer.Option(help="editor or admin")] = "editor",
    organization: Annotated[
        str | None, typer.Option(help="Scope an editor key to this organization id")
    ] = None,
) -> None:
    """Create a key and print its token: the only time it is shown."""
    loaded = load_settings()

    async def work() -> tuple[keys.KeyInfo, str]:
        async with open_database(loaded, migrate_schema=True) as db:
            return await keys.create_key(db, name, role, organization)

    info, token = run_command(lambda: asyncio.run(work()))
    scope = f", scoped to {info.organization}" if info.organization else ""
    console.print(f"Created {info.role} key '{info.name}'{scope}. Its token, shown only now:")
    console.print(token, highlight=False, soft_wrap=True)


@keys_app.command("list")
def list_keys() -> None:
    """Every key: name, role, scope, when created and revoked. Tokens are never shown."""
    loaded = load_settings()

    async def work() -> list[keys.KeyInfo]:
        async with open_database(loaded, migrate_schema=True) as db:
            return await keys.list_keys(db)

    table = Table("name", "role", "organization", "created", "revoked", title="API keys")
    for key in run_command(lambda: asyncio.run(work())):
        table.add_row(key.name, key.role, key.organization or "", key.created, key.revoked or "")
    console.print(table)


@keys_app.command("revoke")
def revoke_key(name: str) -> None:
    """Revoke a key; requests sent with it are refused from now on."""
    loaded = load_settings()

    async def work() -> bool:
        async with open_database(loaded, migrate_schema=True) as db:
            return await keys.revoke_key(db, name)

    if not run_command(lambda: asyncio.run(work())):
        console.print(f"[red]error:[/red] no live key is named '{name}'")
        raise typer.Exit(1)
    console.print(f"Revoked '{name}'.")


def history_command(
    node_id: Annotated[str, typer.Argument(metavar="ID", help="Such as organization:ilo")],
    limit: int = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print the events as JSON")] = False,
) -> None:
    """The changes to a record, newest first: when, who, what, and which fields."""
    loaded = load_settings()

    async def work() -> list[audit.AuditEvent]:
        async with open_database(loaded, migrate_schema=True) as db:
            return await audit.history(db, node_id, limit)

    events = run_command(lambda: asyncio.run(work()))
    if as_json:
        console.print_json(json.dumps([e.__dict__ for e in events], default=str))
        return
    table = Table(
        "when", "who", "action", "summary", "fields changed", title=f"History of {node_id}"
    )
    for e in events:
        who = f"{e.actor} ({e.role}{', ' + e.scope if e.scope else ''})"
        table.add_row(e.at, who, e.action, e.summary, ", ".join(e.changed_fields()))
    console.print(table)
    if not events:
        console.print("No recorded changes.")
