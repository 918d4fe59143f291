"""The command line: `a87map neo4j start|stop|status`, `a87map migrate`, `a87map seed`,
`a87map serve`, `a87map report ...`, `a87map keys create|list|revoke`, `a87map history`.
Errors are printed as one clear line and logged in structured form."""

from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from service import reports
from service.cli_edits import export_command, history_command, import_command, keys_app
from service.cli_support import console, load_settings, on_database, run_command
from service.domain import coverage, overlaps
from service.localdb import server
from service.migrations import migrate as apply_migrations
from service.scoring import coverage as coverage_scoring
from service.scoring import overlap as overlap_scoring
from service.seed.loader import load, prepare

app = typer.Typer(help="Alliance 8.7 stakeholder map.", no_args_is_help=True)
neo4j_app = typer.Typer(
    help="The local Neo4j server, for machines without Docker.", no_args_is_help=True
)
app.add_typer(neo4j_app, name="neo4j")
report_app = typer.Typer(
    help="Overlaps and coverage gaps, as tables, CSV or JSON.", no_args_is_help=True
)
app.add_typer(report_app, name="report")
app.add_typer(keys_app, name="keys")
app.command("history")(history_command)
app.command("import")(import_command)
app.command("export")(export_command)


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Start the local Neo4j (or find one already answering at NEO4J_URI)."""
    settings = load_settings()
    with console.status(f"Starting Neo4j at {settings.neo4j_uri} (first run downloads it)..."):
        status = run_command(lambda: server.start(settings))
    where = f"pid {status.pid}" if status.pid else "already running, not started by us"
    console.print(f"Neo4j answers at {status.uri} ({where}); data in {status.home}")


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j."""
    stopped = run_command(lambda: server.stop(load_settings()))
    console.print("Neo4j stopped." if stopped else "No local Neo4j was running.")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs and answers."""
    status = server.status(load_settings())
    console.print(
        f"running: {status.running} (pid {status.pid}); "
        f"answers at {status.uri}: {status.bolt_answers}; data in {status.home}"
    )
    if not status.bolt_answers:
        raise typer.Exit(3)


@app.command()
def migrate() -> None:
    """Apply the schema migrations in cypher/migrations that are not applied yet."""
    settings = load_settings()

    applied = on_database(
        settings,
        lambda db: apply_migrations(db, settings.cypher_dir / "migrations"),
        migrate_schema=False,
    )
    console.print(f"Applied migrations {applied}." if applied else "The schema is up to date.")


@app.command()
def seed(
    directory: Annotated[Path | None, typer.Option("--dir", help="Seed folder")] = None,
    reference_only: Annotated[
        bool,
        typer.Option(
            "--reference-only", help="Only countries, regions and SDGs, to import a map onto"
        ),
    ] = False,
) -> None:
    """Validate the seed files and load them (idempotent: a second run changes nothing)."""
    settings = load_settings()
    graph = run_command(
        lambda: prepare(directory or settings.seed_dir, reference_only=reference_only)
    )

    columns = (TextColumn("Loading the seed"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("load", total=len(graph.nodes) + len(graph.links))
        report = on_database(
            settings,
            lambda db: load(
                db,
                graph,
                settings.load_batch_size,
                lambda done, _total: bar.update(task, completed=done),
            ),
        )
    console.print(
        f"Nodes: {report.nodes_created} created, {report.nodes_updated} updated, "
        f"{report.nodes} in the seed. Relationships: {report.relationships_created} created, "
        f"{report.relationships_updated} updated, {report.relationships} in the seed."
    )


CsvOption = Annotated[Path | None, typer.Option("--csv", help="Also write the rows as CSV here")]
JsonOption = Annotated[Path | None, typer.Option("--json", help="Also write the rows as JSON here")]


def _emit(
    title: str,
    rows: list[reports.Row],
    columns: list[str],
    csv_path: Path | None,
    json_path: Path | None,
) -> None:
    console.print(reports.table(title, rows, columns))
    if csv_path:
        reports.write_csv(csv_path, rows)
        console.print(f"Wrote {len(rows)} rows to {csv_path}")
    if json_path:
        reports.write_json(json_path, rows)
        console.print(f"Wrote {len(rows)} rows to {json_path}")


@report_app.command("overlaps")
def report_overlaps(
    min_score: float = overlap_scoring.REVIEW_MIN_SCORE,
    limit: int = 20,
    theme: str | None = None,
    country: str | None = None,
    csv_path: CsvOption = None,
    json_path: JsonOption = None,
) -> None:
    """The top overlapping pairs of initiatives, with the reasons for each score."""
    settings = load_settings()

    found = on_database(
        settings, lambda db: overlaps.overlaps(db, min_score, theme, country, limit)
    )
    rows = reports.overlap_rows(found)
    _emit(
        f"Overlapping initiatives ({overlap_scoring.VERSION}, score >= {min_score})",
        rows,
        ["score", "name_a", "name_b", "reasons"],
        csv_path,
        json_path,
    )


@report_app.command("gaps")
def report_gaps(
    theme: str | None = None,
    level: str = "REGION",
    limit: int = 20,
    csv_path: CsvOption = None,
    json_path: JsonOption = None,
) -> None:
    """The places where need most outruns coverage (level REGION or COUNTRY)."""
    settings = load_settings()
    if level not in ("REGION", "COUNTRY"):
        console.print("[red]error:[/red] --level is REGION or COUNTRY")
        raise typer.Exit(2)

    found = on_database(
        settings,
        lambda db: coverage.coverage_gaps(db, theme, level, limit),  # type: ignore[arg-type]
    )
    rows = reports.gap_rows(found)
    _emit(
        f"Coverage gaps ({coverage_scoring.VERSION}, by {level.lower()})",
        rows,
        ["gap_score", "place_name", "theme", "need", "why"],
        csv_path,
        json_path,
    )


@app.command()
def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql)."""
    settings = load_settings()
    uvicorn.run(
        "service.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
    )


if __name__ == "__main__":
    app()
