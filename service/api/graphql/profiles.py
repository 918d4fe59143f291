"""`countryProfile(country)`: what an analyst needs of one country on one page, in one
question: the country (its Alliance status, coordination bodies, evidence, the context
lists), its need and the work present against it for every theme, the work present by
admin area and theme, and the indicators with a value for it. The page asks the actors
and their roles (`whoIsDoingWhatWhere`) and the commitments concerning it in the same
query; each is a list the API already has."""

from dataclasses import replace
from datetime import date

import strawberry

from service.api.graphql.aggregates import AggregateRow, row_of
from service.api.graphql.analysis import PlaceCoverage, coverage_of
from service.api.graphql.context import Context
from service.api.graphql.types import Country, Indicator
from service.domain import accountability, aggregates, coverage, directory
from service.domain.filters import InitiativeFilter, map_id

Ctx = strawberry.Info[Context, None]


@strawberry.type(description="One country on one page: its need, the work present, and more.")
class CountryProfile:
    country: Country = strawberry.field(
        description="The country, with its Alliance status, coordination bodies, evidence, "
        "organizations, initiatives, events and the context lists."
    )
    coverage: list[PlaceCoverage] = strawberry.field(
        description="For every theme: its published need, the work present at country level "
        "(regional and worldwide apart) and the gap, as `coverage` gives them."
    )
    presence: list[AggregateRow] = strawberry.field(
        description="The work present at country level, by admin area and theme: "
        "initiatives, organizations, people reached and money, as `aggregate` gives them "
        "(regional and worldwide work is in `coverage`, apart). Empty: no country-level "
        "work recorded."
    )
    indicators: list[Indicator] = strawberry.field(
        description="The indicators with a value for it (its own, its region's or the "
        "world's); ask each for values(country:) to see them over time."
    )
    as_of: str = strawberry.field(description="The day the work present is counted for.")


@strawberry.type
class ProfileQuery:
    @strawberry.field(
        description="One country's profile, by ISO 3166 code (NGA or NG): need, presence by "
        "theme and admin area, indicators, and the country's own record."
    )
    async def country_profile(self, info: Ctx, country: str) -> CountryProfile:
        db = info.context.db
        record = await directory.get(db, map_id("country", country), "country")
        today = date.today()
        covered = await coverage.coverage(db, None, "COUNTRY", today, place=record.id)
        # The list's country filter also matches regional and worldwide work; the
        # profile's presence is the country's own, so it is grouped by country too and
        # only this country's groups are kept.
        here = InitiativeFilter(country=record.id.split(":", 1)[1])
        grouped = await aggregates.aggregate(db, ["COUNTRY", "ADMIN_AREA", "THEME"], here)
        presence = [
            replace(g, values=g.values[1:], labels=g.labels[1:])
            for g in grouped
            if g.values[0] == record.id
        ]
        indicators = await accountability.indicators(db, None, record.id.split(":", 1)[1])
        return CountryProfile(
            country=Country.of(record),
            coverage=[coverage_of(c) for c in covered if c.need or c.presence.initiatives],
            presence=[row_of(["ADMIN_AREA", "THEME"], g) for g in presence],
            indicators=[Indicator.of(i) for i in indicators],
            as_of=today.isoformat(),
        )
