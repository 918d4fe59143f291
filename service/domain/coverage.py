"""Where need is high and coverage low: for each place and theme, the initiatives and
organizations working there, the published need, and a gap score (service/scoring/coverage.py)."""

from dataclasses import dataclass
from typing import Any, Literal

from service.db.driver import Database
from service.domain.filters import map_id, require_existing
from service.errors import BadInput
from service.model.records import MapRecord
from service.scoring import coverage as scoring

Level = Literal["COUNTRY", "REGION"]
MAX_LIMIT = 500


@dataclass(frozen=True)
class PlaceCoverage:
    place: MapRecord
    theme: MapRecord
    initiatives: int
    regional_initiatives: int
    worldwide_initiatives: int
    organizations: int
    need: scoring.Need | None
    gap: scoring.Gap


def _need(row: dict[str, Any]) -> scoring.Need | None:
    need = row["need"]
    if need is None:
        return None
    return scoring.Need(
        measure=need["measure"],
        value=float(need["value"]),
        unit=need["unit"],
        data_year=int(need["data_year"]),
        source=row["needSource"] or "",
        regional_max=float(row["needMax"] or 0),
        region=need["region"],
    )


def _row(row: dict[str, Any]) -> PlaceCoverage:
    need = _need(row)
    local, regional, worldwide = row["local"], row["regional"], row["worldwide"]
    return PlaceCoverage(
        place=MapRecord.from_row(row["place"]),
        theme=MapRecord.from_row(row["theme"]),
        initiatives=local,
        regional_initiatives=regional,
        worldwide_initiatives=worldwide,
        organizations=row["organizations"],
        need=need,
        gap=scoring.gap(need, local, regional, worldwide),
    )


async def coverage(db: Database, theme: str | None, level: Level) -> list[PlaceCoverage]:
    theme_id = map_id("theme", theme) if theme else None
    if theme_id:
        await require_existing(db, {"theme": theme_id})
    rows = await db.read("coverage/places", level=level, theme=theme_id)
    return [_row(row) for row in rows]


async def coverage_gaps(
    db: Database, theme: str | None, level: Level, limit: int
) -> list[PlaceCoverage]:
    """Places with an estimate of need, widest gap first (those without come last)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"limit: must be between 1 and {MAX_LIMIT}, not {limit}")
    found = await coverage(db, theme, level)
    ranked = sorted(found, key=lambda c: (c.gap.score is None, -(c.gap.score or 0), c.place.id))
    return ranked[:limit]
