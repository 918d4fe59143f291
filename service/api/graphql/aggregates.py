"""`aggregate(by, filter)`: the 3W product as one field: counts of initiatives and
organizations and sums of people reached and money, grouped (service/domain/aggregates.py)."""

from enum import Enum
from typing import Any

import strawberry

from service.api.graphql import inputs
from service.api.graphql.analysis import FundingTotal
from service.api.graphql.context import Context
from service.domain import aggregates, filters

Ctx = strawberry.Info[Context, None]

_BY: Any = Enum("AggregateBy", {d: d for d in aggregates.DIMENSIONS})  # type: ignore[misc]
AggregateBy: Any = strawberry.enum(
    _BY,
    description="What an aggregate is grouped by: COUNTRY, ADMIN_AREA (as the sheet names "
    "it), REGION (worked in directly), THEME, SECTOR (as written), ORGANIZATION_TYPE, "
    "STATUS or YEAR (the year it starts).",
)


@strawberry.type(description="One value a group is made by.")
class GroupValue:
    by: str = strawberry.field(description="The dimension, such as COUNTRY.")
    value: str | None = strawberry.field(
        description="Its value (a record's id for countries, regions and themes); null: "
        "not recorded."
    )
    label: str | None = strawberry.field(description="The value in words, such as a name.")


@strawberry.type(description="The counts and sums of one group.")
class AggregateRow:
    group: list[GroupValue] = strawberry.field(description="The group, one value a dimension.")
    initiatives: int = strawberry.field(description="Initiatives in the group.")
    organizations: int = strawberry.field(
        description="Distinct organizations taking part in them (by ORGANIZATION_TYPE, those "
        "of the type)."
    )
    people_reached: int | None = strawberry.field(
        description="People they count as reached (by COUNTRY, in that country); null where "
        "none of them counts them (not zero)."
    )
    people_reached_counted: int = strawberry.field(
        description="How many of the initiatives count the people they reached."
    )
    funding: list[FundingTotal] = strawberry.field(
        description="Money recorded for them, per currency, never added across currencies."
    )


@strawberry.type
class AggregateQuery:
    @strawberry.field(
        description="Counts of initiatives and organizations and sums of people reached and "
        "money (per currency), grouped by up to three dimensions, over the initiatives the "
        "same filter as `initiatives` matches, largest group first. An initiative falls in "
        "every group its values make (one in two countries counts in both)."
    )
    async def aggregate(
        self,
        info: Ctx,
        by: list[AggregateBy],
        filter: inputs.InitiativeFilter | None = None,
    ) -> list[AggregateRow]:
        wanted = filters.InitiativeFilter(**inputs.values_of(filter))
        names = [d.value for d in by]
        found = await aggregates.aggregate(info.context.db, names, wanted)
        return [row_of(names, g) for g in found]


def row_of(names: list[str], g: aggregates.Group) -> AggregateRow:
    return AggregateRow(
        group=[
            GroupValue(by=d, value=v, label=label)
            for d, v, label in zip(names, g.values, g.labels, strict=True)
        ],
        initiatives=g.initiatives,
        organizations=g.organizations,
        people_reached=g.people_reached,
        people_reached_counted=g.reached_counted,
        funding=[
            FundingTotal(currency=m.currency, amount=m.amount, fundings=m.counted)
            for m in g.funding
        ],
    )
