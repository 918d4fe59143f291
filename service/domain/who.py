""" "Who is doing what, where": the rows a civil-society analyst reads to see which
organizations work on which initiatives, in which places, on which themes."""

from dataclasses import dataclass

from service.db.driver import Database
from service.domain.filters import WhoFilter, as_parameters, normalise
from service.domain.pagination import Page, PageRequest
from service.domain.records import Provenance
from service.model.records import MapRecord, Props


@dataclass(frozen=True)
class WhoRow:
    organization: MapRecord
    role: str
    initiative: MapRecord
    places: list[MapRecord]
    themes: list[MapRecord]
    sdg_targets: list[MapRecord]
    provenance: Provenance
    matched_via: str | None


async def who_is_doing_what_where(
    db: Database, given: WhoFilter, page: PageRequest
) -> Page[WhoRow]:
    checked = await normalise(db, given)
    row = (await db.read("who/rows", **as_parameters(checked), skip=page.skip, limit=page.limit))[0]
    return Page(items=[_row(item) for item in row["page"]], total=row["total"], skip=page.skip)


def _row(item: Props) -> WhoRow:
    return WhoRow(
        organization=MapRecord.from_row(item["organization"]),
        role=item["role"],
        initiative=MapRecord.from_row(item["initiative"]),
        places=[MapRecord.from_row(p) for p in item["places"]],
        themes=[MapRecord.from_row(t) for t in item["themes"]],
        sdg_targets=[MapRecord.from_row(t) for t in item["sdgTargets"]],
        provenance=Provenance.of(item["source"], item["roleProps"]),
        matched_via=item["matchedVia"],
    )
