"""Commands for keeping the map current: `a87map keys create|list|revoke` for API keys,
`a87map history ID` for a record's audit trail, and `a87map import` and `a87map export`."""

import getpass
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from service.cli_support import console, load_settings, on_database
from service.domain.filters import InitiativeFilter
from service.editing import audit, keys
from service.editing.keys import Editor
from service.interchange.export import export_map
from service.interchange.files import Upload, import_files
from service.interchange.hxl import Citing
from service.interchange.writers import EXPORT_FORMATS, render

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


def history_command(
    node_id: Annotated[str, typer.Argument(metavar="ID", help="Such as organization:ilo")],
    limit: int = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print the events as JSON")] = False,
) -> None:
    """The changes to a record, newest first: when, who, what, and which fields."""
    loaded = load_settings()
    events = on_database(loaded, lambda db: audit.history(db, node_id, limit))
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


def _operator() -> Editor:
    """Who the audit trail names for the CLI: it runs with the database's own credentials,
    so with an admin's rights, under the name of the account that ran it."""
    return Editor(f"cli:{getpass.getuser()}", "admin")


def import_command(
    files: Annotated[
        list[Path], typer.Argument(help="organizations.csv, map.json, 3w.csv, activities.xml...")
    ],
    file_format: Annotated[
        str | None, typer.Option("--format", help="csv, json, hxl or iati (else from each file)")
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="For 3W and IATI files: the id of the source they come from")
    ] = None,
    section: Annotated[str | None, typer.Option(help="The section of that source")] = None,
) -> None:
    """Check files whole, then write them in one transaction: all of it or none of it."""
    loaded = load_settings()
    uploads = [Upload(path.name, path.read_bytes()) for path in files]
    citing = Citing(source, section) if source else None

    columns = (TextColumn("Importing"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("import", total=None)
        report = on_database(
            loaded,
            lambda db: import_files(
                db,
                _operator(),
                uploads,
                loaded.load_batch_size,
                file_format=file_format,
                citing=citing,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
            ),
        )
    console.print(
        f"Records: {report.created} created, {report.updated} updated, {report.unchanged} "
        f"unchanged. Relationships: {report.relationships_created} created, "
        f"{report.relationships_updated} updated, {report.relationships_unchanged} unchanged."
    )


def export_command(
    out: Annotated[Path, typer.Argument(help="The file to write")],
    file_format: Annotated[
        str, typer.Option("--format", help="json, csv (a zip), hxl or graphml")
    ] = "json",
    theme: Annotated[str | None, typer.Option(help="Only the part around this theme")] = None,
    country: Annotated[str | None, typer.Option(help="... or this country (ISO code)")] = None,
    region: Annotated[str | None, typer.Option(help="... or this region id")] = None,
) -> None:
    """Write the map, or the part of it around the initiatives a filter picks."""
    loaded = load_settings()
    if file_format not in EXPORT_FORMATS:
        console.print(f"[red]error:[/red] --format is one of {', '.join(EXPORT_FORMATS)}")
        raise typer.Exit(2)
    wanted = (
        InitiativeFilter(theme=theme, country=country, region=region)
        if theme or country or region
        else None
    )

    data = render(on_database(loaded, lambda db: export_map(db, wanted)), file_format)
    out.write_bytes(data)
    console.print(f"Wrote {len(data):,} bytes to {out}")
