"""Where need is high and presence low: for each place and theme, the active initiatives
and organizations working there at country level (and, apart, those reaching it through a
wider region or worldwide), the people they reached and the money recorded for them, the
published need (the place's own figure, else its ILO region's), and the gap
(service/scoring/coverage.py)."""

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from service.db.driver import Database
from service.domain.filters import map_id, require_existing
from service.errors import BadInput
from service.model.records import MapRecord
from service.scoring import coverage as scoring

Level = Literal["COUNTRY", "REGION"]
RankBy = Literal["PEOPLE", "RATE"]
MAX_LIMIT = 500


@dataclass(frozen=True)
class Money:
    """The money recorded for the work in a place, in one currency."""

    currency: str
    amount: float
    counted: int  # how many fundings it adds up


@dataclass(frozen=True)
class PlaceCoverage:
    place: MapRecord
    theme: MapRecord
    as_of: date
    presence: scoring.Presence
    funding: tuple[Money, ...]
    need: scoring.Need | None
    gap: scoring.Gap
    include_wider: bool = False
    tied_with: int = 0


def _year(figure: dict[str, Any]) -> int | None:
    """A figure's data year; None where its publisher gives only a period."""
    year = figure.get("data_year")
    return None if year is None else int(year)


def _need(row: dict[str, Any], level: str) -> scoring.Need | None:
    own, region = row["own"], row["regionNeed"]
    if own is not None:
        return scoring.Need(
            measure=own["measure"],
            value=float(own["value"]),
            unit=own["unit"],
            data_year=_year(own),
            edition=own.get("edition"),
            sources=tuple(row["ownSources"]),
            basis=scoring.Basis.COUNTRY,
            region=None,
            highest=float(row["ownMax"] or own["value"]),
            people=own.get("people"),
            people_basis=own.get("people_unit"),
            data_period=own.get("data_period"),
            flag=own.get("flag"),
        )
    if region is None:
        return None
    # A region's people: its own published count, else the sum of its countries' own
    # figures; a country with only its region's figure has no count of its own.
    published = region.get("people") if level == "REGION" else None
    people = (
        published
        if published is not None
        else (row["countryPeople"] if level == "REGION" else None)
    )
    counted = row["countriesCounted"]
    return scoring.Need(
        measure=region["measure"],
        value=float(region["value"]),
        unit=region["unit"],
        data_year=_year(region),
        edition=region.get("edition"),
        sources=tuple(s for s in [row["regionSource"]] if s),
        basis=scoring.Basis.REGION,
        region=region["region"],
        people=people,
        people_basis=(
            "the publication's count for the region"
            if published is not None
            else f"the sum of the own figures of its {counted} countries that have one"
            if people is not None
            else None
        ),
        highest=float(row["regionMax"] or 0),
    )


async def coverage(
    db: Database,
    theme: str | None,
    level: Level,
    as_of: date | None = None,
    edition: str | None = None,
    include_wider: bool = False,
    place: str | None = None,
) -> list[PlaceCoverage]:
    """Every place of the level (or the one `place` names), for the theme or every theme."""
    theme_id = map_id("theme", theme) if theme else None
    if theme_id:
        await require_existing(db, {"theme": theme_id})
    day = as_of or date.today()
    rows = await db.read(
        "coverage/places", level=level, theme=theme_id, asOf=day, edition=edition, place=place
    )
    return [_row(row, level, day, include_wider) for row in rows]


def _row(row: dict[str, Any], level: str, day: date, include_wider: bool) -> PlaceCoverage:
    need = _need(row, level)
    counted = int(row["reachedCounted"])
    here = scoring.Presence(
        initiatives=row["local"],
        organizations=row["localOrganizations"],
        regional_initiatives=row["regional"],
        worldwide_initiatives=row["worldwide"],
        wider_organizations=row["reachingOrganizations"],
        not_active=row["notActive"],
        people_reached=int(row["reached"]) if counted else None,
        reached_counted=counted,
        unknown_status=int(row["unknownStatus"]),
    )
    return PlaceCoverage(
        place=MapRecord.from_row(row["place"]),
        theme=MapRecord.from_row(row["theme"]),
        as_of=day,
        presence=here,
        funding=tuple(
            Money(m["currency"], float(m["amount"]), int(m["counted"])) for m in row["funding"]
        ),
        need=need,
        gap=scoring.gap(need, here, include_wider),
        include_wider=include_wider,
    )


async def coverage_gaps(
    db: Database,
    theme: str | None,
    level: Level,
    limit: int,
    rank_by: RankBy = "PEOPLE",
    as_of: date | None = None,
    edition: str | None = None,
    include_wider: bool = False,
) -> list[PlaceCoverage]:
    """Places with a gap, widest first, by people or by rate; places with none are left out
    (no estimate, or, by people, no count). Ties are broken by people, rate, then name,
    and each row says how many others share its gap."""
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"limit: must be between 1 and {MAX_LIMIT}, not {limit}")
    found = await coverage(db, theme, level, as_of, edition, include_wider)

    def score(c: PlaceCoverage) -> float | None:
        return c.gap.score if rank_by == "PEOPLE" else c.gap.rate_score

    scored = [c for c in found if score(c) is not None]
    ranked = sorted(
        scored,
        key=lambda c: (
            -(score(c) or 0),
            -((c.need.people or 0) if c.need else 0),
            -(c.need.value if c.need else 0),
            str(c.place.props.get("name") or c.place.id),
        ),
    )
    counts: dict[float | None, int] = {}
    for c in ranked:
        counts[score(c)] = counts.get(score(c), 0) + 1
    return [replace(c, tied_with=counts[score(c)] - 1) for c in ranked[:limit]]
