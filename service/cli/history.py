"""`a87map history ID`: a record's audit trail."""

import json
from typing import Annotated

import typer
from rich.table import Table

from service.cli.support import console, load_settings, on_database
from service.editing import audit


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
