"""`a87map report overlaps|gaps`: overlaps and coverage gaps as tables, CSV or JSON."""

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from service.cli import rows as reports
from service.cli.support import console, load_settings, on_database
from service.domain import coverage, overlaps
from service.scoring import coverage as coverage_scoring
from service.scoring import overlap as overlap_scoring

report_app = typer.Typer(
    help="Overlaps and coverage gaps, as tables, CSV or JSON.", no_args_is_help=True
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
    as_of: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"], help="Compare work not ended by this day (default today)."
        ),
    ] = None,
    csv_path: CsvOption = None,
    json_path: JsonOption = None,
) -> None:
    """The top overlapping pairs of initiatives, with the reasons for each score."""
    settings = load_settings()
    day = as_of.date() if as_of else None
    found = on_database(
        settings, lambda db: overlaps.overlaps(db, min_score, theme, country, limit, as_of=day)
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
    rank_by: Annotated[str, typer.Option("--rank-by", help="PEOPLE or RATE")] = "PEOPLE",
    csv_path: CsvOption = None,
    json_path: JsonOption = None,
) -> None:
    """The places where need most outruns coverage (level REGION or COUNTRY), by people
    affected or by rate; places without an estimate (or, by people, a count) are left out."""
    settings = load_settings()
    if level not in ("REGION", "COUNTRY"):
        console.print("[red]error:[/red] --level is REGION or COUNTRY")
        raise typer.Exit(2)
    if rank_by not in ("PEOPLE", "RATE"):
        console.print("[red]error:[/red] --rank-by is PEOPLE or RATE")
        raise typer.Exit(2)

    found = on_database(
        settings,
        lambda db: coverage.coverage_gaps(db, theme, level, limit, rank_by),  # type: ignore[arg-type]
    )
    rows = reports.gap_rows(found)
    score = "gap_score" if rank_by == "PEOPLE" else "rate_gap_score"
    _emit(
        f"Coverage gaps ({coverage_scoring.VERSION}, by {level.lower()}, by {rank_by.lower()})",
        rows,
        [score, "place_name", "theme", "need", "people", "tied_with", "why"],
        csv_path,
        json_path,
    )
