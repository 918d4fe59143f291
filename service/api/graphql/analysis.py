"""Root fields that analyse the map: overlapping initiatives, coverage against need,
constituency gaps in the Alliance's groups, and who connects the field."""

from datetime import date, datetime
from enum import Enum

import strawberry

from service.api.graphql.context import Context
from service.api.graphql.inputs import MapAsOf, MembershipRecorded
from service.api.graphql.nodes import node_of
from service.api.graphql.reviews import OverlapReview
from service.api.graphql.types import (
    ActionGroup,
    Initiative,
    Organization,
    Place,
    Theme,
)
from service.domain import constituencies, coordination, coverage, network, overlaps
from service.editing.as_of import viewed
from service.scoring import coverage as coverage_scoring
from service.scoring import overlap as overlap_scoring

Ctx = strawberry.Info[Context, None]


@strawberry.enum(description="Whether coverage is given by country or by region.")
class CoverageLevel(Enum):
    COUNTRY = "COUNTRY"
    REGION = "REGION"


@strawberry.enum(description="How centrality is measured: ties (degree) or bridging (betweenness).")
class RankingMetric(Enum):
    DEGREE = "DEGREE"
    BETWEENNESS = "BETWEENNESS"


@strawberry.type(description="One facet two initiatives share, and what it adds to their score.")
class OverlapReason:
    facet: str = strawberry.field(
        description="What is compared: organizations, places, themes, kind of work..."
    )
    weight: float = strawberry.field(description="How much the facet counts in the score.")
    similarity: float = strawberry.field(description="How alike the pair is on this facet, 0 to 1.")
    contribution: float = strawberry.field(
        description="Weight times similarity: what it adds to the score."
    )
    shared: list[str] = strawberry.field(description="The shared ids, where the facet has any.")


# The scoring's value list, made a GraphQL enum in place.
OverlapVerdict = strawberry.enum(
    overlap_scoring.Verdict, name="OverlapVerdict", description="What the scoring makes of a pair."
)


@strawberry.type(description="Two initiatives that look like the same work.")
class Overlap:
    a: Initiative = strawberry.field(description="One initiative of the pair.")
    b: Initiative = strawberry.field(description="The other.")
    score: float = strawberry.field(description="How alike they are, 0 to 1.")
    likely_duplicate: bool = strawberry.field(
        description="The score reaches the threshold for the same work written up twice."
    )
    reasons: list[OverlapReason] = strawberry.field(description="The facets that add to the score.")
    verdict: overlap_scoring.Verdict = strawberry.field(
        description="DUPLICATE: likely the same work written up twice; OVERLAP: worth a look; "
        "RELATED: parts of one whole (one follows up or is linked with the other, or both are "
        "one group's work with the same organization), reported apart; UNRELATED: they share "
        "only context (listed only on request)."
    )
    verdict_reason: str | None = strawberry.field(
        description="Why a pair is RELATED or UNRELATED, in words."
    )
    scoring_version: str = strawberry.field(
        description="The version of the scoring rules that gave it."
    )
    review: OverlapReview | None = strawberry.field(
        description="The secretariat's review of the pair and the organizations' responses, "
        "if it was reviewed; `review.current` false: an initiative changed since, and the "
        "pair is open again."
    )


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
        verdict=pair.overlap.verdict,
        verdict_reason=pair.overlap.why or None,
        scoring_version=overlap_scoring.VERSION,
        review=OverlapReview.of(pair.review, pair.review_current) if pair.review else None,
    )


@strawberry.type(description="The secretariat's review of a coordination suggestion.")
class SuggestionReview:
    verdict: coordination.SuggestionVerdict = strawberry.field(description="What it decided.")
    reason: str = strawberry.field(description="Why, in the reviewer's words.")
    reviewed_at: str = strawberry.field(description="When (ISO date and time).")


@strawberry.type(
    description="Two organizations working on the same theme in the same place (a country "
    "or region their initiatives operate in) with no tie on the map (no initiative or "
    "Alliance body in common): a hint that they should know of each other, with why."
)
class CoordinationSuggestion:
    a: strawberry.ID = strawberry.field(description="One organization.")
    a_name: str = strawberry.field(description="Its name.")
    b: strawberry.ID = strawberry.field(description="The other.")
    b_name: str = strawberry.field(description="Its name.")
    score: float = strawberry.field(
        description="The theme-and-place pairs both work on, plus half a point for each "
        "where one funds and the other carries out work."
    )
    shared_themes: list[strawberry.ID] = strawberry.field(description="Themes both work on.")
    shared_places: list[strawberry.ID] = strawberry.field(
        description="Countries and regions where both work on one of those themes."
    )
    complementary_roles: list[str] = strawberry.field(
        description="Where one funds and the other carries out work, in words."
    )
    target_groups: list[str] = strawberry.field(
        description="Groups of people (children, women...) both count as targeted or "
        "reached on a theme in a place, from their 3W counts, in words."
    )
    reasons: list[str] = strawberry.field(description="Why it is suggested, in words.")
    review: SuggestionReview | None = strawberry.field(
        description="The secretariat's review of the pair, if any (listed only with "
        "`includeReviewed`)."
    )


@strawberry.type(description="Initiatives joined by overlaps above the threshold.")
class DuplicateCluster:
    initiatives: list[Initiative] = strawberry.field(description="The initiatives in the cluster.")
    overlaps: list[Overlap] = strawberry.field(description="The flagged pairs that join them.")
    scoring_version: str = strawberry.field(
        description="The version of the scoring rules that gave it."
    )


# The scoring's value list, made a GraphQL enum in place.
NeedBasis = strawberry.enum(
    coverage_scoring.Basis, name="NeedBasis", description=coverage_scoring.Basis.__doc__
)


@strawberry.enum(description="What coverage gaps are ranked by.")
class GapRanking(Enum):
    PEOPLE = "PEOPLE"
    RATE = "RATE"


@strawberry.type(description="A published figure of need: a rate, and people where known.")
class NeedFigure:
    measure: str = strawberry.field(
        description="What is measured, such as the prevalence of child labour."
    )
    value: float = strawberry.field(description="The published rate.")
    unit: str = strawberry.field(description="Its unit, such as per 1,000 people.")
    people: int | None = strawberry.field(
        description="How many people, where the figure gives or allows a count; null if not."
    )
    people_basis: str | None = strawberry.field(
        description="How the count of people was reached, where it was worked out."
    )
    data_year: int | None = strawberry.field(
        description="The year the figure describes, from its own row of the published set; "
        "null where the publisher gives only the period it comes from (dataPeriod)."
    )
    data_period: str | None = strawberry.field(
        description="Where the year is not given: the years the figure may come from, such "
        "as a survey year in 2013-2021 that the publisher does not give by country."
    )
    flag: str | None = strawberry.field(
        description="The publisher's flag on the figure (UNICEF: x, y or p), if any."
    )
    edition: str | None = strawberry.field(description="The edition it is published in.")
    basis: coverage_scoring.Basis = strawberry.field(
        description="COUNTRY: the place's own figure; REGION: its ILO region's, used because "
        "the place has none of its own."
    )
    region: str | None = strawberry.field(description="The ILO region, for a REGION figure.")
    sources: list[str] = strawberry.field(description="The publications it comes from.")
    index: float = strawberry.field(
        description="The rate relative to the highest of the same set (0-1)."
    )


@strawberry.type(description="Money recorded for the work in a place, in one currency.")
class FundingTotal:
    currency: str = strawberry.field(description="Its ISO 4217 code.")
    amount: float = strawberry.field(
        description="The fundings added up, each as disbursed where given, else committed, "
        "else budgeted."
    )
    fundings: int = strawberry.field(description="How many fundings it adds up.")


@strawberry.type(
    description="The work present in a place on a theme, against its need: coverage is the "
    "organizations present at country level; regional and worldwide work is shown apart."
)
class PlaceCoverage:
    place: Place = strawberry.field(description="The country or region.")
    theme: Theme = strawberry.field(description="The theme.")
    as_of: str = strawberry.field(description="The day the work is counted for.")
    country_level_work: bool = strawberry.field(
        description="Whether any active country-level work on the theme is recorded here. "
        "False says no work is recorded, which is not the same as none."
    )
    initiatives: int = strawberry.field(
        description="Initiatives present that day at country level in the place itself (for "
        "a region, in it or its countries): active, or of unknown status (most 3W sheets "
        "give none), with their known dates around the day."
    )
    unknown_status: int = strawberry.field(
        description="Of those, the ones with no status recorded."
    )
    organizations: int = strawberry.field(
        description="Distinct organizations taking part in those: the presence."
    )
    people_reached: int | None = strawberry.field(
        description="People those initiatives count as reached here; null where none of "
        "them counts the people it reached (not zero)."
    )
    funding: list[FundingTotal] = strawberry.field(
        description="Money recorded for those initiatives, per currency (never added across "
        "currencies); empty where none is recorded."
    )
    regional_initiatives: int = strawberry.field(
        description="Initiatives active that day across a wider region the place lies in: "
        "shown apart, counted only with includeWider."
    )
    worldwide_initiatives: int = strawberry.field(
        description="Initiatives active that day worldwide: shown apart, counted only with "
        "includeWider."
    )
    reaching_organizations: int = strawberry.field(
        description="Distinct organizations in the active regional and worldwide ones."
    )
    not_active: int = strawberry.field(
        description="Initiatives in the place that are not active that day (planned, "
        "proposed, completed, unknown): shown apart, never counted as coverage."
    )
    need: NeedFigure | None = strawberry.field(description="Null: no published estimate.")
    coverage: float | None = strawberry.field(
        description="The organizations present (with includeWider, the wider work's too); "
        "null where no country-level work is recorded: no number stands for it."
    )
    includes_wider: bool = strawberry.field(
        description="Whether regional and worldwide work is counted in, as asked."
    )
    gap_score: float | None = strawberry.field(
        description="The gap by people: where the work here counts people reached, the "
        "people in need not reached; else the people in need over (1 + coverage). Null "
        "without an estimate or a count of people."
    )
    gap_in_people: bool = strawberry.field(
        description="Whether gapScore is a count of people (need less people reached)."
    )
    rate_gap_score: float | None = strawberry.field(
        description="The gap by rate: the rate over (1 + coverage). Null without an estimate."
    )
    tied_with: int = strawberry.field(
        description="In coverageGaps: how many other places share this gap."
    )
    why: str = strawberry.field(description="How the figures were reached, in words.")
    scoring_version: str = strawberry.field(
        description="The version of the scoring rules that gave it."
    )


def coverage_of(found: coverage.PlaceCoverage) -> PlaceCoverage:
    need = found.need
    figure = (
        None
        if need is None
        else NeedFigure(
            measure=need.measure,
            value=need.value,
            unit=need.unit,
            people=need.people,
            people_basis=need.people_basis,
            data_year=need.data_year,
            data_period=need.data_period,
            flag=need.flag,
            edition=need.edition,
            basis=need.basis,
            region=need.region,
            sources=list(need.sources),
            index=round(need.index, 4),
        )
    )
    here = found.presence
    return PlaceCoverage(
        place=node_of(found.place),
        theme=Theme.of(found.theme),
        as_of=found.as_of.isoformat(),
        country_level_work=here.initiatives > 0,
        initiatives=here.initiatives,
        unknown_status=here.unknown_status,
        organizations=here.organizations,
        people_reached=here.people_reached,
        funding=[
            FundingTotal(currency=m.currency, amount=m.amount, fundings=m.counted)
            for m in found.funding
        ],
        regional_initiatives=here.regional_initiatives,
        worldwide_initiatives=here.worldwide_initiatives,
        reaching_organizations=here.wider_organizations,
        not_active=here.not_active,
        need=figure,
        coverage=found.gap.coverage,
        includes_wider=found.include_wider,
        gap_score=found.gap.score,
        gap_in_people=found.gap.same_unit,
        rate_gap_score=found.gap.rate_score,
        tied_with=found.tied_with,
        why=found.gap.why,
        scoring_version=coverage_scoring.VERSION,
    )


@strawberry.type(description="One constituency of a group and the organizations holding it.")
class ConstituencyMembers:
    constituency: str = strawberry.field(
        description="The constituency, such as governments or workers."
    )
    members: list[str] = strawberry.field(description="The organizations holding it.")
    seats: int = strawberry.field(
        description="How many seats the source lists for it, one per person seated (two "
        "seats of one organization are two; a seat whose organization the source does not "
        "name still counts); 0 where no seats are recorded, only members."
    )


@strawberry.type(
    description="An organization whose joining is blocked, pending or declined, or that "
    "stands with the body other than as a member (an observer, a partner, withdrawn)."
)
class PendingConstituency:
    constituency: str = strawberry.field(description="The constituency it would hold.")
    organization: str = strawberry.field(description="The organization.")
    status: str = strawberry.field(
        description="blocked or pending (a partnership), or its membership standing: "
        "pending, declined, blocked, withdrawn, observer or partner."
    )
    reason: str | None = strawberry.field(description="Why, as the source gives it.")


@strawberry.type(
    description="The constituencies a group has, lacks (only where its whole membership is "
    "recorded), may lack (where it is not), and is waiting on."
)
class ConstituencyGap:
    group: ActionGroup = strawberry.field(description="The action group or Alliance body.")
    membership: MembershipRecorded = strawberry.field(
        description="How much of its membership the map records."
    )
    membership_as_of: str | None = strawberry.field(
        description="The date the recorded membership holds for."
    )
    present: list[ConstituencyMembers] = strawberry.field(
        description="The constituencies it has, with their members (by the seat a member "
        "holds where the source names one, else by its organization's type)."
    )
    absent: list[str] = strawberry.field(
        description="Constituencies none of its members holds, where the whole membership "
        "is recorded."
    )
    unknown: list[str] = strawberry.field(
        description="Constituencies no recorded member holds, where the membership is not "
        "recorded whole: not known to be missing."
    )
    pending: list[PendingConstituency] = strawberry.field(
        description="Organizations whose joining is blocked, pending or declined, and those "
        "standing with it other than as members."
    )


def _constituency_gap(found: constituencies.ConstituencyGap) -> ConstituencyGap:
    return ConstituencyGap(
        group=ActionGroup.of(found.group),
        membership=MembershipRecorded(found.membership),
        membership_as_of=found.membership_as_of,
        present=[
            ConstituencyMembers(constituency=c, members=m, seats=found.seats.get(c, 0))
            for c, m in found.present.items()
        ],
        absent=found.absent,
        unknown=found.unknown,
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


@strawberry.type(description="An organization and how central it is in the map's network.")
class OrganizationRank:
    organization: Organization = strawberry.field(description="The organization.")
    degree: int = strawberry.field(description="How many records it is tied to.")
    betweenness: float = strawberry.field(
        description="How often it lies on the shortest paths between others (0-1); exact "
        "on maps of up to 20,000 ties, estimated from `sample` sources beyond."
    )
    computed_at: str | None = strawberry.field(
        description="When the stored ranking was computed from the network."
    )
    sample: int | None = strawberry.field(
        description="How many shortest-path sources betweenness was estimated from; null: exact."
    )
    stale: bool = strawberry.field(
        description="True if the network has changed since computedAt: a new ranking is "
        "being computed, and this one is the last stored."
    )


def _day(as_of: date | None, map_as_of: datetime | None) -> date | None:
    return as_of or (map_as_of.date() if map_as_of else None)


@strawberry.type
class AnalysisQuery:
    @strawberry.field(
        description="Pairs of initiatives that look like the same work, best first, among "
        "work not ended by `asOf` (default today: a known end before it, or completed). A "
        "pair the secretariat has reviewed is left out while both initiatives are what the "
        "review saw, unless `includeReviewed`."
    )
    async def overlaps(
        self,
        info: Ctx,
        min_score: float = overlap_scoring.REVIEW_MIN_SCORE,
        theme: str | None = None,
        country: str | None = None,
        limit: int = 50,
        include_unrelated: bool = False,
        as_of: date | None = None,
        include_reviewed: bool = False,
        map_as_of: MapAsOf = None,
    ) -> list[Overlap]:
        async with viewed(info.context.db, map_as_of) as db:
            found = await overlaps.overlaps(
                db,
                min_score,
                theme,
                country,
                limit,
                include_unrelated=include_unrelated,
                include_reviewed=include_reviewed,
                as_of=_day(as_of, map_as_of),
            )
        return [_overlap(pair) for pair in found]

    @strawberry.field(
        description="Pairs of organizations working on the same theme in the same place "
        "(country or region) with no initiative or Alliance body in common on the map, best "
        "first, with their reasons; optionally on one theme or in one country. Pairs the "
        "secretariat has reviewed (reviewSuggestion) only with `includeReviewed`."
    )
    async def coordination_suggestions(
        self,
        info: Ctx,
        theme: str | None = None,
        country: str | None = None,
        first: int = 50,
        include_reviewed: bool = False,
        map_as_of: MapAsOf = None,
    ) -> list[CoordinationSuggestion]:
        async with viewed(info.context.db, map_as_of) as db:
            found = await coordination.suggestions(
                db, theme, country, first, include_reviewed=include_reviewed
            )
        return [
            CoordinationSuggestion(
                a=strawberry.ID(s.a),
                a_name=s.a_name,
                b=strawberry.ID(s.b),
                b_name=s.b_name,
                score=s.score,
                shared_themes=[strawberry.ID(t) for t in s.shared_themes],
                shared_places=[strawberry.ID(c) for c in s.shared_places],
                complementary_roles=list(s.complementary),
                target_groups=list(s.target_groups),
                reasons=list(s.reasons),
                review=SuggestionReview(
                    verdict=s.review.verdict,
                    reason=s.review.reason,
                    reviewed_at=s.review.reviewed_at,
                )
                if s.review
                else None,
            )
            for s in found
        ]

    @strawberry.field(
        description="Groups of initiatives joined by overlaps above the threshold, among "
        "work not ended by `asOf` (default today)."
    )
    async def duplicate_clusters(
        self,
        info: Ctx,
        min_score: float = overlap_scoring.REVIEW_MIN_SCORE,
        as_of: date | None = None,
        map_as_of: MapAsOf = None,
    ) -> list[DuplicateCluster]:
        async with viewed(info.context.db, map_as_of) as db:
            found = await overlaps.duplicate_clusters(db, min_score, _day(as_of, map_as_of))
        return [
            DuplicateCluster(
                initiatives=[Initiative.of(i) for i in c.initiatives],
                overlaps=[_overlap(p) for p in c.pairs],
                scoring_version=overlap_scoring.VERSION,
            )
            for c in found
        ]

    @strawberry.field(
        description="The work present against need for every place and theme, on `asOf` "
        "(default today), with the need of `edition` (default the latest). Regional and "
        "worldwide work is shown apart and counted only with `includeWider`."
    )
    async def coverage(
        self,
        info: Ctx,
        theme: str | None = None,
        level: CoverageLevel = CoverageLevel.REGION,
        as_of: date | None = None,
        edition: str | None = None,
        include_wider: bool = False,
        map_as_of: MapAsOf = None,
    ) -> list[PlaceCoverage]:
        async with viewed(info.context.db, map_as_of) as db:
            found = await coverage.coverage(
                db, theme, level.value, _day(as_of, map_as_of), edition, include_wider
            )
        return [coverage_of(c) for c in found]

    @strawberry.field(
        description="Places where need most outruns coverage, widest gap first, by people "
        "(default) or by rate; places without an estimate (or, by people, a count) are not "
        "ranked."
    )
    async def coverage_gaps(
        self,
        info: Ctx,
        theme: str | None = None,
        level: CoverageLevel = CoverageLevel.REGION,
        limit: int = 20,
        rank_by: GapRanking = GapRanking.PEOPLE,
        as_of: date | None = None,
        edition: str | None = None,
        include_wider: bool = False,
        map_as_of: MapAsOf = None,
    ) -> list[PlaceCoverage]:
        async with viewed(info.context.db, map_as_of) as db:
            found = await coverage.coverage_gaps(
                db,
                theme,
                level.value,
                limit,
                rank_by.value,
                _day(as_of, map_as_of),
                edition,
                include_wider,
            )
        return [coverage_of(c) for c in found]

    @strawberry.field(description="Constituencies each action group and the GCG has and lacks.")
    async def constituency_gaps(self, info: Ctx) -> list[ConstituencyGap]:
        return [
            _constituency_gap(g) for g in await constituencies.constituency_gaps(info.context.db)
        ]

    @strawberry.field(description="Organizations by how central they are in the network.")
    async def organization_ranking(
        self,
        info: Ctx,
        metric: RankingMetric = RankingMetric.DEGREE,
        limit: int = 20,
        map_as_of: MapAsOf = None,
    ) -> list[OrganizationRank]:
        async with viewed(info.context.db, map_as_of) as db:
            found = await network.organization_ranking(db, metric.value, limit)
        return [
            OrganizationRank(
                organization=Organization.of(r.organization),
                degree=r.degree,
                betweenness=r.betweenness,
                computed_at=found.computed_at,
                sample=found.sample,
                stale=found.stale,
            )
            for r in found.organizations
        ]
