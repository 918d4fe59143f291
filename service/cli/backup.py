"""`a87map backup FILE` and `a87map restore FILE`: everything the map holds, to a file and
back into an empty map (service/db/backup.py says what and how)."""

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from service.cli.support import console, load_settings, on_database
from service.db import backup as backups
from service.db.driver import Database


def backup_command(
    file: Annotated[Path, typer.Argument(help="The file to write (JSON Lines).")],
) -> None:
    """Write everything the map holds to FILE: records, relationships, versions, retired
    records, history, keys (hashed), holds, judgements, figures. Written beside and then
    renamed, so FILE is never half-written."""
    settings = load_settings()
    taken = on_database(settings, backups.take)
    partial = file.with_name(file.name + ".partial")
    with partial.open("wb") as out:
        for line in taken.lines():
            out.write(line)
    partial.replace(file)
    console.print(
        f"Backed up {len(taken.nodes)} nodes and {len(taken.relationships)} relationships "
        f"to {file}."
    )


def restore_command(
    file: Annotated[Path, typer.Argument(help="A file `a87map backup` wrote.")],
) -> None:
    """Restore FILE into an empty map (its schema is brought up to date first), in one
    transaction: stopped half-way, the map stays empty."""
    settings = load_settings()
    with (
        file.open("rb") as lines,
        Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()) as bar,
    ):
        tasks: dict[str, TaskID] = {}

        def shown(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(f"restoring {what}", total=total)
            bar.update(tasks[what], completed=done)

        async def work(db: Database) -> backups.Restored:
            return await backups.restore(db, iter(lines), shown)

        restored = on_database(settings, work)
    console.print(
        f"Restored {restored.nodes} nodes and {restored.relationships} relationships from {file}."
    )
