"""Root fields that analyse the map: overlapping initiatives, coverage against need,
constituency gaps in the Alliance's groups, and who connects the field."""

from enum import Enum

import strawberry

from service.api.graphql.context import Context
from service.api.graphql.types import (
    ActionGroup,
    Initiative,
    Organization,
    Place,
    Theme,
    node_of,
)
from service.domain import constituencies, coverage, network, overlaps
from service.scoring import coverage as coverage_scoring
from service.scoring import overlap as overlap_scoring

Ctx = strawberry.Info[Context, None]


@strawberry.enum
class CoverageLevel(Enum):
    COUNTRY = "COUNTRY"
    REGION = "REGION"


@strawberry.enum
class RankingMetric(Enum):
    DEGREE = "DEGREE"
    BETWEENNESS = "BETWEENNESS"


@strawberry.type(description="One facet two initiatives share, and what it adds to their score.")
class OverlapReason:
    facet: str
    weight: float
    similarity: float
    contribution: float
    shared: list[str] = strawberry.field(description="The shared ids, where the facet has any.")


@strawberry.type(description="Two initiatives that look like the same work.")
class Overlap:
    a: Initiative
    b: Initiative
    score: float
    likely_duplicate: bool = strawberry.field(
        description="The score reaches the threshold for the same work written up twice."
    )
    reasons: list[OverlapReason]
    scoring_version: str


def _overlap(pair: overlaps.ScoredPair) -> Overlap:
    reasons = [
        OverlapReason(
            facet=r.facet,
            weight=r.weight,
            similarity=r.similarity,
            contribution=round(r.contribution, 4),
            shared=list(r.shared),
        )
        for r in pair.overlap.reasons
    ]
    return Overlap(
        a=Initiative.of(pair.a),
        b=Initiative.of(pair.b),
        score=pair.overlap.score,
        likely_duplicate=pair.overlap.likely_duplicate,
        reasons=reasons,
        scoring_version=overlap_scoring.VERSION,
    )


@strawberry.type(description="Initiatives joined by overlaps above the threshold.")
class DuplicateCluster:
    initiatives: list[Initiative]
    overlaps: list[Overlap]
    scoring_version: str


@strawberry.type(description="A published prevalence figure for an ILO region.")
class NeedFigure:
    measure: str
    value: float
    unit: str
    data_year: int
    source: str
    region: str
    index: float = strawberry.field(description="The value relative to the highest region (0-1).")


@strawberry.type(description="How well a place is covered for a theme, against its need.")
class PlaceCoverage:
    place: Place
    theme: Theme
    initiatives: int = strawberry.field(description="Initiatives in the place itself.")
    regional_initiatives: int
    worldwide_initiatives: int
    organizations: int = strawberry.field(description="Distinct organizations in the local ones.")
    need: NeedFigure | None = strawberry.field(description="Null: no published estimate.")
    coverage: float
    gap_score: float | None = strawberry.field(description="Null where there is no estimate.")
    why: str
    scoring_version: str


def _coverage(found: coverage.PlaceCoverage) -> PlaceCoverage:
    need = found.need
    figure = (
        None
        if need is None
        else NeedFigure(
            measure=need.measure,
            value=need.value,
            unit=need.unit,
            data_year=need.data_year,
            source=need.source,
            region=need.region,
            index=round(need.index, 4),
        )
    )
    return PlaceCoverage(
        place=node_of(found.place),
        theme=Theme.of(found.theme),
        initiatives=found.initiatives,
        regional_initiatives=found.regional_initiatives,
        worldwide_initiatives=found.worldwide_initiatives,
        organizations=found.organizations,
        need=figure,
        coverage=found.gap.coverage,
        gap_score=found.gap.score,
        why=found.gap.why,
        scoring_version=coverage_scoring.VERSION,
    )


@strawberry.type
class ConstituencyMembers:
    constituency: str
    members: list[str]


@strawberry.type(description="An organization whose joining is blocked or pending.")
class PendingConstituency:
    constituency: str
    organization: str
    status: str
    reason: str | None


@strawberry.type(description="The constituencies a group has, lacks, and is waiting on.")
class ConstituencyGap:
    group: ActionGroup
    present: list[ConstituencyMembers]
    missing: list[str]
    pending: list[PendingConstituency]


def _constituency_gap(found: constituencies.ConstituencyGap) -> ConstituencyGap:
    return ConstituencyGap(
        group=ActionGroup.of(found.group),
        present=[ConstituencyMembers(constituency=c, members=m) for c, m in found.present.items()],
        missing=found.missing,
        pending=[
            PendingConstituency(
                constituency=p.constituency,
                organization=p.organization,
                status=p.status,
                reason=p.reason,
            )
            for p in found.pending
        ],
    )


@strawberry.type
class OrganizationRank:
    organization: Organization
    degree: int
    betweenness: float


@strawberry.type
class AnalysisQuery:
    @strawberry.field(description="Pairs of initiatives that look like the same work, best first.")
    async def overlaps(
        self,
        info: Ctx,
        min_score: float = overlap_scoring.REVIEW_MIN_SCORE,
        theme: str | None = None,
        country: str | None = None,
        limit: int = 50,
    ) -> list[Overlap]:
        found = await overlaps.overlaps(info.context.db, min_score, theme, country, limit)
        return [_overlap(pair) for pair in found]

    @strawberry.field(description="Groups of initiatives joined by overlaps above the threshold.")
    async def duplicate_clusters(
        self, info: Ctx, min_score: float = overlap_scoring.REVIEW_MIN_SCORE
    ) -> list[DuplicateCluster]:
        found = await overlaps.duplicate_clusters(info.context.db, min_score)
        return [
            DuplicateCluster(
                initiatives=[Initiative.of(i) for i in c.initiatives],
                overlaps=[_overlap(p) for p in c.pairs],
                scoring_version=overlap_scoring.VERSION,
            )
            for c in found
        ]

    @strawberry.field(description="Coverage against need for every place and theme.")
    async def coverage(
        self, info: Ctx, theme: str | None = None, level: CoverageLevel = CoverageLevel.REGION
    ) -> list[PlaceCoverage]:
        found = await coverage.coverage(info.context.db, theme, level.value)
        return [_coverage(c) for c in found]

    @strawberry.field(description="Places where need most outruns coverage, widest gap first.")
    async def coverage_gaps(
        self,
        info: Ctx,
        theme: str | None = None,
        level: CoverageLevel = CoverageLevel.REGION,
        limit: int = 20,
    ) -> list[PlaceCoverage]:
        found = await coverage.coverage_gaps(info.context.db, theme, level.value, limit)
        return [_coverage(c) for c in found]

    @strawberry.field(description="Constituencies each action group and the GCG has and lacks.")
    async def constituency_gaps(self, info: Ctx) -> list[ConstituencyGap]:
        return [
            _constituency_gap(g) for g in await constituencies.constituency_gaps(info.context.db)
        ]

    @strawberry.field(description="Organizations by how central they are in the network.")
    async def organization_ranking(
        self, info: Ctx, metric: RankingMetric = RankingMetric.DEGREE, limit: int = 20
    ) -> list[OrganizationRank]:
        found = await network.organization_ranking(info.context.db, metric.value, limit)
        return [
            OrganizationRank(
                organization=Organization.of(r.organization),
                degree=r.degree,
                betweenness=r.betweenness,
            )
            for r in found
        ]
