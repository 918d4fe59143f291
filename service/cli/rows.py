"""Flat rows of overlaps and coverage gaps for the command line: printed as tables, and
written as CSV or JSON for a report."""

import csv
import json
from pathlib import Path
from typing import Any

from rich.table import Table

from service.domain.coverage import PlaceCoverage
from service.domain.overlaps import ScoredPair
from service.scoring import coverage as coverage_scoring
from service.scoring import overlap as overlap_scoring

Row = dict[str, Any]


def overlap_rows(pairs: list[ScoredPair]) -> list[Row]:
    return [
        {
            "score": p.overlap.score,
            "likely_duplicate": p.overlap.likely_duplicate,
            "verdict": p.overlap.verdict,
            "initiative_a": p.a.id,
            "name_a": p.a.props.get("name"),
            "initiative_b": p.b.id,
            "name_b": p.b.props.get("name"),
            "reasons": "; ".join(
                f"{r.facet} {r.contribution:.3f}"
                + (f" ({', '.join(r.shared)})" if r.shared else "")
                for r in p.overlap.reasons
            ),
            "scoring_version": overlap_scoring.VERSION,
        }
        for p in pairs
    ]


def gap_rows(found: list[PlaceCoverage]) -> list[Row]:
    return [
        {
            "place": c.place.id,
            "place_name": c.place.props.get("name"),
            "theme": c.theme.id,
            "gap_score": c.gap.score,
            "rate_gap_score": c.gap.rate_score,
            "need": c.need.value if c.need else None,
            "need_unit": c.need.unit if c.need else None,
            "people": c.need.people if c.need else None,
            "need_basis": c.need.basis if c.need else None,
            "need_edition": c.need.edition if c.need else None,
            "tied_with": c.tied_with,
            "as_of": c.as_of.isoformat(),
            "not_active": c.presence.not_active,
            "initiatives": c.presence.initiatives,
            "organizations": c.presence.organizations,
            "people_reached": c.presence.people_reached,
            "regional_initiatives": c.presence.regional_initiatives,
            "worldwide_initiatives": c.presence.worldwide_initiatives,
            "coverage": c.gap.coverage,
            "why": c.gap.why,
            "scoring_version": coverage_scoring.VERSION,
        }
        for c in found
    ]


def table(title: str, rows: list[Row], columns: list[str]) -> Table:
    shown = Table(title=title, show_lines=False)
    for column in columns:
        shown.add_column(column.replace("_", " "), overflow="fold")
    for row in rows:
        shown.add_row(*("" if row[c] is None else str(row[c]) for c in columns))
    return shown


def write_csv(path: Path, rows: list[Row]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["empty"])
        writer.writeheader()
        writer.writerows(rows)


def write_json(path: Path, rows: list[Row]) -> None:
    path.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
