"""A page of initiatives that says how current it is: each edge, when the list asks who
runs on a day (`activeOn`) after the initiative was last confirmed, is marked as the last
thing known; and the page says how many of its initiatives rest on facts older than an age
the reader chooses (service/domain/freshness.py)."""

import asyncio
from datetime import date

import strawberry

from service.api.graphql.connections import PageInfo
from service.api.graphql.context import Context
from service.api.graphql.seen import seen_of
from service.api.graphql.types import Initiative
from service.domain import freshness as ages
from service.domain.pagination import Page
from service.model.records import MapRecord

Ctx = strawberry.Info[Context, None]


@strawberry.type(description="One initiative of a page, its cursor, and how current it is.")
class InitiativeEdge:
    cursor: str = strawberry.field(description="Where this item sits, for `after`.")
    node: Initiative = strawberry.field(description="The initiative.")
    last_confirmed: str | None = strawberry.field(
        description="The latest day its facts were verified or seen in an import; null: never."
    )
    last_known: bool | None = strawberry.field(
        description="With the filter's activeOn: true when that day is after it was last "
        "confirmed, so its running then is only the last thing known of it ('last known "
        "running'); false when confirmed on or after the day; null without activeOn."
    )


@strawberry.type(description="How current a page's facts are, against an age.")
class PageFreshness:
    years: int = strawberry.field(description="The age asked about, in years.")
    stale: int = strawberry.field(
        description="Initiatives on the page last confirmed longer ago than that, or never."
    )
    oldest_confirmed: str | None = strawberry.field(
        description="The oldest day an initiative on the page was last confirmed."
    )
    says: str | None = strawberry.field(
        description="The warning to show with the answer, in words; null when nothing on the "
        "page is older than the age."
    )


@strawberry.type(description="A page of initiatives, Relay-style, saying how current it is.")
class InitiativeConnection:
    edges: list[InitiativeEdge] = strawberry.field(description="The initiatives on this page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the list.")
    total_count: int = strawberry.field(description="How many initiatives the list has.")

    @strawberry.field(
        description="How many initiatives on this page rest on facts older than `years` "
        "(default 2), and the warning to show."
    )
    def freshness(self, years: int = ages.STALE_YEARS) -> PageFreshness:
        days = [e.last_confirmed for e in self.edges]
        old = [d for d in days if ages.stale(d, years, date.today())]
        known = [d for d in days if d]
        says = (
            f"{len(old)} of the {len(days)} initiatives here rest on facts last confirmed "
            f"more than {years} years ago, or never (the oldest on {min(known)})"
            if old and known
            else f"none of the {len(days)} initiatives here was ever confirmed"
            if old
            else None
        )
        return PageFreshness(
            years=years, stale=len(old), oldest_confirmed=min(known) if known else None, says=says
        )


async def fresh_page(
    info: Ctx, page: Page[MapRecord], active_on: date | None
) -> InitiativeConnection:
    """The page as a connection, each initiative with the day it was last confirmed."""
    seen = await asyncio.gather(*(seen_of(info, r.id, r.id) for r in page.items))
    edges = []
    for i, (record, sightings) in enumerate(zip(page.items, seen, strict=True)):
        confirmed = ages.last_confirmed(record.props.get("last_verified"), sightings)
        known = None if active_on is None else ages.last_known(confirmed, active_on)
        edges.append(
            InitiativeEdge(
                cursor=page.cursor(i),
                node=Initiative.of(record),
                last_confirmed=confirmed,
                last_known=known,
            )
        )
    info_ = PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.skip > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return InitiativeConnection(edges=edges, page_info=info_, total_count=page.total)
