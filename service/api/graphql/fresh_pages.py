"""A page of initiatives that says how current it is: each edge, when the list asks who
runs on a day (`activeOn`) after the initiative was last confirmed, is marked as the last
thing known; and the page says how many of its initiatives rest on facts older than an age
the reader chooses (service/domain/freshness.py)."""

import asyncio
from datetime import date

import strawberry

from service.api.graphql.connections import PageInfo, page_info
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
    # Read only when asked: a page that does not ask costs no look at where it was seen.
    record: strawberry.Private[MapRecord]
    active_on: strawberry.Private[date | None]

    @strawberry.field(
        description="The latest day its facts were verified or seen in an import; null: never."
    )
    async def last_confirmed(self, info: Ctx) -> str | None:
        seen = await seen_of(info, self.record.id, self.record.id)
        return ages.last_confirmed(self.record.props.get("last_verified"), seen)

    @strawberry.field(
        description="With the filter's activeOn: true when that day is after it was last "
        "confirmed, so its running then is only the last thing known of it ('last known "
        "running'); false when confirmed on or after the day; null without activeOn."
    )
    async def last_known(self, info: Ctx) -> bool | None:
        if self.active_on is None:
            return None
        return ages.last_known(await self.last_confirmed(info), self.active_on)


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
    async def freshness(self, info: Ctx, years: int = ages.STALE_YEARS) -> PageFreshness:
        days = list(await asyncio.gather(*(e.last_confirmed(info) for e in self.edges)))
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


def fresh_page(page: Page[MapRecord], active_on: date | None) -> InitiativeConnection:
    """The page as a connection; each edge reads where its initiative was seen when asked."""
    edges = [
        InitiativeEdge(cursor=page.cursor(i), node=Initiative.of(r), record=r, active_on=active_on)
        for i, r in enumerate(page.items)
    ]
    return InitiativeConnection(edges=edges, page_info=page_info(page), total_count=page.total)
