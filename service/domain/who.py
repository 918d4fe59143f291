""" "Who is doing what, where": the rows a civil-society analyst reads to see which
organizations work on which initiatives, in which places, on which themes. Every matching
initiative appears: one with no organization recorded has a row of its own saying so.
Places follow the one place rule (`places.py`), and each row says how it matched."""

from dataclasses import dataclass
from typing import Any

from service.db.driver import Database
from service.domain.filters import WhoFilter, as_parameters, normalise
from service.domain.kept import Kept
from service.domain.pagination import Page, PageRequest
from service.domain.places import Matched, PlaceScope, scopes, with_scopes
from service.domain.records import Provenance
from service.model.records import MapRecord, Props

# The total reads every matching initiative; a page reads about its own rows. So the total
# is kept until the map changes (service/domain/kept.py), by filter.
_TOTALS: Kept[int] = Kept(size=256)


@dataclass(frozen=True)
class WhoRow:
    organization: MapRecord | None  # None: no organization is recorded for the initiative
    role: str | None
    initiative: MapRecord
    places: list[MapRecord]
    themes: list[MapRecord]
    sdg_targets: list[MapRecord]
    provenance: Provenance | None
    matched_via: str | None
    matched: Matched | None


async def who_is_doing_what_where(
    db: Database, given: WhoFilter, page: PageRequest
) -> Page[WhoRow]:
    checked = await normalise(db, given)
    given_parameters = as_parameters(checked)
    country, region = await scopes(db, given_parameters)
    scope = country or region  # how a row matched is told against the country, if given
    parameters = with_scopes(given_parameters, country, region)
    total = await _TOTALS.answer(db, parameters, lambda: _total(db, parameters))
    row = (await db.read("who/rows", **parameters, skip=page.skip, limit=page.limit))[0]
    items = [_row(item, scope) for item in row["page"]]
    return Page(items=items, total=total, skip=page.skip)


async def _total(db: Database, parameters: dict[str, Any]) -> int:
    return int((await db.read("who/total", **parameters))[0]["total"])


def _row(item: Props, scope: PlaceScope | None) -> WhoRow:
    places = [MapRecord.from_row(p) for p in item["places"]]
    closest = scope.closest(p.id for p in places) if scope else None
    organization = item["organization"]
    return WhoRow(
        organization=MapRecord.from_row(organization) if organization else None,
        role=item["role"],
        initiative=MapRecord.from_row(item["initiative"]),
        places=places,
        themes=[MapRecord.from_row(t) for t in item["themes"]],
        sdg_targets=[MapRecord.from_row(t) for t in item["sdgTargets"]],
        provenance=Provenance.of(item["source"], item["roleProps"]) if item["role"] else None,
        matched_via=closest[0] if closest else None,
        matched=closest[1] if closest else None,
    )
