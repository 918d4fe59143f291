"""`a87map migrate` and `a87map seed`: bring the schema up to date and load the curated
data."""

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from service.cli.support import console, load_settings, on_database, run_command
from service.config import Settings
from service.db.migrations import migrate as apply_migrations
from service.domain import overlap_store
from service.seed import synthetic
from service.seed.graph import SeedGraph
from service.seed.loader import LoadReport, load, prepare


def migrate() -> None:
    """Apply the schema migrations in cypher/migrations that are not applied yet."""
    settings = load_settings()

    applied = on_database(
        settings,
        lambda db: apply_migrations(db, settings.cypher_dir / "migrations"),
        migrate_schema=False,
    )
    console.print(f"Applied migrations {applied}." if applied else "The schema is up to date.")


def seed(
    directory: Annotated[Path | None, typer.Option("--dir", help="Seed folder")] = None,
    reference_only: Annotated[
        bool,
        typer.Option(
            "--reference-only", help="Only countries, regions and SDGs, to import a map onto"
        ),
    ] = False,
    generated: Annotated[
        int,
        typer.Option(
            "--generated",
            min=0,
            help="Also load N generated initiatives (with their generated organizations), "
            "for benchmarks; their ids start with 'synthetic-'",
        ),
    ] = 0,
) -> None:
    """Validate the seed files and load them (idempotent: a second run changes nothing)."""
    settings = load_settings()
    graph = run_command(
        lambda: prepare(directory or settings.seed_dir, reference_only=reference_only)
    )

    report = _load(settings, graph, "Loading the seed", settings.load_batch_size)
    _say(report, "in the seed")
    if generated:
        made = synthetic.generate(generated).graph
        # Generated maps are large: bigger batches, fewer round trips.
        _say(
            _load(settings, made, f"Loading {generated:,} generated initiatives", 5000), "generated"
        )
    with console.status("Scoring overlaps"):
        generation = on_database(settings, overlap_store.current_generation)
    console.print(f"Overlaps are up to date (generation {generation[:8]}).")


def _load(settings: Settings, graph: SeedGraph, what: str, batch_size: int) -> LoadReport:
    columns = (TextColumn(what), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("load", total=len(graph.nodes) + len(graph.links))
        return on_database(
            settings,
            lambda db: load(
                db, graph, batch_size, lambda done, _total: bar.update(task, completed=done)
            ),
        )


def _say(report: LoadReport, whose: str) -> None:
    console.print(
        f"Nodes: {report.nodes_created} created, {report.nodes_updated} updated, "
        f"{report.nodes} {whose}. Relationships: {report.relationships_created} created, "
        f"{report.relationships_updated} updated, {report.relationships} {whose}."
    )
