"""`a87map import` and `a87map export`: files in and out of the map."""

import getpass
import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from service.cli.support import console, load_settings, on_database
from service.domain.filters import InitiativeFilter
from service.editing.keys import Editor
from service.interchange.export import export_map
from service.interchange.files import Upload, import_files
from service.interchange.hxl import Citing, SheetOptions
from service.interchange.vocabulary import load_vocabulary
from service.interchange.writers import EXPORT_FORMATS, render


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
    country: Annotated[
        str | None,
        typer.Option(help="For a 3W sheet with no country column: the country it is about"),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option(help="For a workbook: the sheet to read (else the 3W one)")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and count everything, write nothing")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
) -> None:
    """Check files whole, then write them in batches: all of it or none of it (a row the
    checks refuse is left out and listed, with what names it)."""
    loaded = load_settings()
    uploads = [Upload(path.name, path.read_bytes()) for path in files]
    citing = Citing(source, section) if source else None

    columns = (TextColumn("Importing"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, disable=as_json) as bar:
        task = bar.add_task("import", total=None)
        report = on_database(
            loaded,
            lambda db: import_files(
                db,
                _operator(),
                uploads,
                loaded.load_batch_size,
                vocabulary=load_vocabulary(loaded.seed_dir),
                file_format=file_format,
                citing=citing,
                options=SheetOptions(country, sheet),
                progress=lambda done, total: bar.update(task, completed=done, total=total),
                dry_run=dry_run,
                pause_s=loaded.import_batch_pause_s,
            ),
        )
    if as_json:
        # Plain output, never wrapped, for scripts: the same report as POST /import.
        typer.echo(json.dumps(asdict(report)))
        return
    would = "would be " if dry_run else ""
    console.print(
        f"Records: {report.created} {would}created, {report.updated} {would}updated, "
        f"{report.unchanged} unchanged. Relationships: {report.relationships_created} "
        f"{would}created, {report.relationships_updated} {would}updated, "
        f"{report.relationships_unchanged} unchanged. Rows left out: {len(report.skipped)}."
    )
    for skipped in report.skipped:
        field = f", {skipped.field}" if skipped.field else ""
        console.print(f"Skipped {skipped.file}, {skipped.row}{field}: {skipped.reason}")
    for matched in report.matched:
        console.print(f"Matched '{matched.written}' to {matched.id}: {matched.reason}")
    for queued in report.queued:
        alike = "; ".join(
            f"{a.id} ({a.score:.0f}: {', '.join(a.reasons)})" for a in queued.look_alikes
        )
        console.print(
            f"Queued {queued.id} ({queued.file}, {queued.row}), {would}added as its own "
            f"record until reviewed: it looks like {alike}"
        )
    if dry_run:
        console.print("Dry run: nothing was written.")


def export_command(
    out: Annotated[Path, typer.Argument(help="The file to write")],
    file_format: Annotated[
        str, typer.Option("--format", help="json, csv (a zip), hxl, graphml or iati")
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

    exported = on_database(loaded, lambda db: export_map(db, wanted))
    data = render(exported, file_format, loaded)
    out.write_bytes(data)
    console.print(f"Wrote {len(data):,} bytes to {out}")
