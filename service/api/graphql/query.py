"""The root fields. Each turns its arguments into a domain call and the result into types."""

from datetime import datetime
from typing import Annotated

import strawberry

from service.api.graphql import inputs
from service.api.graphql.connections import Connection, connection
from service.api.graphql.context import Context
from service.api.graphql.fresh_pages import InitiativeConnection, fresh_page
from service.api.graphql.inputs import InitiativeRole
from service.api.graphql.nodes import TYPES, node_of
from service.api.graphql.types import (
    ActionGroup,
    Citation,
    Commitment,
    Country,
    Event,
    Indicator,
    Initiative,
    MapNode,
    Membership,
    Organization,
    Place,
    Region,
    SdgTarget,
    Source,
    Theme,
    membership,
)
from service.domain import (
    accountability,
    communities,
    directory,
    filters,
    search,
    subgraph,
    who,
)
from service.domain.pagination import PageRequest
from service.domain.places import Matched
from service.editing.as_of import viewed
from service.model.records import MapRecord

Ctx = strawberry.Info[Context, None]


_plain = inputs.values_of


def _page(info: Ctx, first: int, after: str | None) -> PageRequest:
    return PageRequest.of(first, after, info.context.settings.page_size_max)


PlaceMatch = inputs.PlaceMatch


@strawberry.type(
    description="One organization's role in one initiative, with where and on what; or, for "
    "an initiative no organization is recorded for, one row with the organization empty."
)
class WhoIsDoingWhatWhereRow:
    organization: Organization | None = strawberry.field(
        description="The organization doing the work; null where the map records none for "
        "the initiative (organizationRecorded is then false): unknown, not nobody."
    )
    organization_recorded: bool = strawberry.field(
        description="False for an initiative the map records no organization for."
    )
    role: InitiativeRole | None = strawberry.field(
        description="What it does in the initiative; null with no organization."
    )
    initiative: Initiative = strawberry.field(description="The work.")
    places: list[Place] = strawberry.field(
        description="Where the initiative works: countries and regions."
    )
    themes: list[Theme] = strawberry.field(description="What it addresses.")
    sdg_targets: list[SdgTarget] = strawberry.field(
        description="The SDG targets it contributes to."
    )
    sources: list[Citation] = strawberry.field(
        description="The citations behind this role (none with no organization)."
    )
    matched_via: str | None = strawberry.field(
        description="With a country or region filter: the id of the initiative's place that "
        "matched it (the place itself, one inside it, a wider region or the world)."
    )
    matched: Matched | None = strawberry.field(
        description="With a place filter: how the row matched it: work in the place itself, "
        "inside the region, through a wider region the place lies in, or worldwide."
    )


def _who_row(row: who.WhoRow) -> WhoIsDoingWhatWhereRow:
    return WhoIsDoingWhatWhereRow(
        organization=Organization.of(row.organization) if row.organization else None,
        organization_recorded=row.organization is not None,
        role=InitiativeRole(row.role) if row.role else None,
        initiative=Initiative.of(row.initiative),
        places=[node_of(p) for p in row.places],
        themes=[Theme.of(t) for t in row.themes],
        sdg_targets=[SdgTarget.of(t) for t in row.sdg_targets],
        sources=[Citation.of(row.provenance)] if row.provenance else [],
        matched_via=row.matched_via,
        matched=row.matched,
    )


@strawberry.type(description="A record whose name, acronym or description matches the search.")
class SearchHit:
    id: strawberry.ID = strawberry.field(description="The record's id.")
    kind: str = strawberry.field(description="The kind of record.")
    name: str = strawberry.field(description="Its name.")
    score: float = strawberry.field(description="How well it matches; higher is better.")
    node: MapNode = strawberry.field(description="The record itself.")


@strawberry.type(description="A node to draw.")
class GraphNode:
    id: strawberry.ID = strawberry.field(description="The record's id.")
    kind: str = strawberry.field(description="The kind of record, for colour and shape.")
    label: str = strawberry.field(description="A short label: the acronym, code or name.")
    degree: int = strawberry.field(description="How many drawn edges touch it.")
    community: int = strawberry.field(
        description="The community it belongs to in this drawing (Graph.communities), by "
        "Louvain's method with a fixed seed: the same drawing gives the same communities."
    )
    closeness: float = strawberry.field(
        description="Its closeness centrality in the drawing (0-1): how near it is to all "
        "it can reach."
    )
    eigenvector: float = strawberry.field(
        description="Its eigenvector centrality in the drawing, within its connected part and "
        "scaled by that part's share of the drawing: tied to others that are well tied."
    )


@strawberry.type(description="A community of a drawing: nodes more tied to each other.")
class GraphCommunity:
    number: int = strawberry.field(description="Its number; 0 is the largest.")
    name: str = strawberry.field(
        description="Named by its most central member: the one with the most ties in it."
    )
    size: int = strawberry.field(description="How many nodes it has.")
    members: list[strawberry.ID] = strawberry.field(description="The ids of its nodes.")


@strawberry.type(description="An edge to draw, from source to target.")
class GraphEdge:
    id: strawberry.ID = strawberry.field(description="A stable id for the edge.")
    source: strawberry.ID = strawberry.field(description="The id of the node it starts at.")
    target: strawberry.ID = strawberry.field(description="The id of the node it points to.")
    type: str = strawberry.field(description="The relationship type, such as LEADS.")
    label: str | None = strawberry.field(description="A role or status, when the edge has one.")


@strawberry.type(description="A bounded subgraph for visualizations.")
class Graph:
    focus: strawberry.ID | None = strawberry.field(
        description="The node the walk started from; null for a whole-map drawing."
    )
    nodes: list[GraphNode] = strawberry.field(description="The nodes to draw.")
    edges: list[GraphEdge] = strawberry.field(description="The edges between them.")
    truncated: bool = strawberry.field(description="True if the node limit cut the walk short.")
    communities: list[GraphCommunity] = strawberry.field(
        description="The drawing's communities, largest first, each named by its most "
        "central member."
    )


def _graph(focus: str | None, found: subgraph.Subgraph) -> Graph:
    degrees = found.degrees()
    measured = communities.measure(found)
    nodes = [
        GraphNode(
            id=strawberry.ID(n.id),
            kind=n.kind,
            label=n.short_name,
            degree=degrees[n.id],
            community=measured.community_of.get(n.id, 0),
            closeness=round(measured.closeness.get(n.id, 0.0), 6),
            eigenvector=measured.eigenvector.get(n.id, 0.0),
        )
        for n in found.nodes
    ]
    edges = [
        GraphEdge(
            id=strawberry.ID(e.id),
            source=strawberry.ID(e.source),
            target=strawberry.ID(e.target),
            type=e.type,
            label=e.props.get("role") or e.props.get("status"),
        )
        for e in found.edges
    ]
    return Graph(
        focus=strawberry.ID(focus) if focus else None,
        nodes=nodes,
        edges=edges,
        truncated=found.truncated,
        communities=[
            GraphCommunity(
                number=c.number,
                name=c.name,
                size=len(c.members),
                members=[strawberry.ID(m) for m in c.members],
            )
            for c in measured.communities
        ],
    )


async def _one(info: Ctx, id: strawberry.ID, kind: str | None, retired: bool) -> MapRecord:
    """One record by id, of `kind` if given; a retired one only if `retired`."""
    kinds = (kind,) if kind else ()
    return await directory.get(info.context.db, str(id), *kinds, include_retired=retired)


@strawberry.type(
    description="Questions to the map: records, lists, search, drawings, and (below) its analyses."
)
class Query:
    @strawberry.field(
        description="Any node by its global id, such as organization:ilo (Relay's node). "
        "Null, with a NOT_FOUND error saying why, for an id not on the map."
    )
    async def node(
        self, info: Ctx, id: strawberry.ID, include_retired: bool = False
    ) -> MapNode | None:
        # Any kind that has a type: a published need figure is no record of its own.
        found = await directory.get(
            info.context.db, str(id), *TYPES, include_retired=include_retired
        )
        return node_of(found)  # type: ignore[no-any-return]

    @strawberry.field(description="An organization by its id, such as organization:ilo.")
    async def organization(
        self, info: Ctx, id: strawberry.ID, include_retired: bool = False
    ) -> Organization:
        return Organization.of(await _one(info, id, "organization", include_retired))

    @strawberry.field(description="An initiative by its id.")
    async def initiative(
        self, info: Ctx, id: strawberry.ID, include_retired: bool = False
    ) -> Initiative:
        return Initiative.of(await _one(info, id, "initiative", include_retired))

    @strawberry.field(description="An action group or other Alliance body by its id.")
    async def action_group(self, info: Ctx, id: strawberry.ID) -> ActionGroup:
        return ActionGroup.of(await directory.get(info.context.db, str(id), "action-group"))

    @strawberry.field(description="A country by its ISO 3166 alpha-3 code, such as ARG.")
    async def country(self, info: Ctx, iso3: str) -> Country:
        return Country.of(await directory.country(info.context.db, iso3))

    @strawberry.field(description="An SDG target by its code, such as 8.7.")
    async def sdg_target(self, info: Ctx, code: str) -> SdgTarget:
        return SdgTarget.of(await directory.sdg_target(info.context.db, code))

    @strawberry.field(description="Organizations, by name, filtered and paged.")
    async def organizations(
        self,
        info: Ctx,
        filter: inputs.OrganizationFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Organization]:
        wanted = filters.OrganizationFilter(**_plain(filter))
        page = await directory.organizations(info.context.db, wanted, _page(info, first, after))
        return connection(page, Organization.of)

    @strawberry.field(
        description="Initiatives, by name, filtered and paged; each edge says when its facts "
        "were last confirmed and, with activeOn, whether its running is only the last thing "
        "known, and the page says how much of it is older than an age."
    )
    async def initiatives(
        self,
        info: Ctx,
        filter: inputs.InitiativeFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> InitiativeConnection:
        wanted = filters.InitiativeFilter(**_plain(filter))
        page = await directory.initiatives(info.context.db, wanted, _page(info, first, after))
        return fresh_page(page, wanted.active_on)

    @strawberry.field(
        description="The evidence directory: the documents the map's facts come from, by "
        "title, filtered and paged."
    )
    async def sources(
        self,
        info: Ctx,
        filter: inputs.SourceFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Source]:
        wanted = filters.SourceFilter(**_plain(filter))
        page = await directory.sources(info.context.db, wanted, _page(info, first, after))
        return connection(page, Source.of)

    @strawberry.field(
        description="Pledges and commitments by due date (those with none last), filtered "
        "and paged: which are overdue on a day, what an organization or body committed to, "
        "the parts of a work plan."
    )
    async def commitments(
        self,
        info: Ctx,
        filter: inputs.CommitmentFilter | None = None,
        first: int = 20,
        after: str | None = None,
        as_of: Annotated[
            datetime | None,
            strawberry.argument(
                description="The commitments as the map recorded them at this moment (a "
                "time with its zone), rebuilt from the audit trail as "
                "whoIsDoingWhatWhere(asOf) is; below each, its relationships and progress "
                "are read from the map as it is now."
            ),
        ] = None,
    ) -> Connection[Commitment]:
        wanted = accountability.CommitmentFilter(**_plain(filter))
        asked = _page(info, first, after)
        async with viewed(info.context.db, as_of) as db:
            page = await accountability.commitments(db, wanted, asked)
        return connection(page, Commitment.of)

    @strawberry.field(
        description="Where organizations stand with the Alliance, its bodies and other "
        "groups (member, observer, pending, declined...), by body and organization, with "
        "since when and the decision. An organization seated on a body is a member of it, "
        "with its seat."
    )
    async def memberships(
        self,
        info: Ctx,
        standings: list[inputs.MembershipStanding] | None = None,
        body: strawberry.ID | None = None,
    ) -> list[Membership]:
        found = await accountability.memberships(
            info.context.db,
            [s.value for s in standings] if standings else None,
            str(body) if body else None,
        )
        return [
            membership(m.organization, m.body, "MEMBERSHIP", m.props, m.provenance) for m in found
        ]

    @strawberry.field(
        description="Indicators by name, narrowed to a theme and to those with a value for a "
        "country (its own figure, or one for a region it lies in)."
    )
    async def indicators(
        self, info: Ctx, theme: str | None = None, country: str | None = None
    ) -> list[Indicator]:
        found = await accountability.indicators(info.context.db, theme, country)
        return [Indicator.of(r) for r in found]

    @strawberry.field(description="The Alliance's action groups and other bodies.")
    async def action_groups(
        self, info: Ctx, kind: inputs.ActionGroupKind | None = None
    ) -> list[ActionGroup]:
        found = await directory.action_groups(info.context.db, kind.value if kind else None)
        return [ActionGroup.of(r) for r in found]

    @strawberry.field(description="Countries, by name.")
    async def countries(
        self, info: Ctx, filter: inputs.CountryFilter | None = None
    ) -> list[Country]:
        given = _plain(filter)
        found = await directory.countries(info.context.db, given.get("region"), given.get("text"))
        return [Country.of(r) for r in found]

    @strawberry.field(
        description="Regions by scheme and name, optionally of one scheme: World, "
        "UN M49 region, UN M49 sub-region or ILO region."
    )
    async def regions(self, info: Ctx, scheme: str | None = None) -> list[Region]:
        return [Region.of(r) for r in await directory.regions(info.context.db, scheme)]

    @strawberry.field(description="SDG targets in order, optionally of one goal (1-17).")
    async def sdg_targets(self, info: Ctx, goal: int | None = None) -> list[SdgTarget]:
        return [SdgTarget.of(r) for r in await directory.sdg_targets(info.context.db, goal)]

    @strawberry.field(description="Every theme, such as child labour or forced labour.")
    async def themes(self, info: Ctx) -> list[Theme]:
        return [Theme.of(r) for r in await directory.themes(info.context.db)]

    @strawberry.field(description="Events, dated ones first by date.")
    async def events(self, info: Ctx, filter: inputs.EventFilter | None = None) -> list[Event]:
        given = _plain(filter)
        found = await directory.events(
            info.context.db,
            given.get("kind"),
            given.get("status"),
            given.get("country"),
            given.get("date_from"),
            given.get("date_to"),
        )
        return [Event.of(r) for r in found]

    @strawberry.field(
        description="One row per organization, role and initiative, and one for each "
        "initiative with no organization recorded; places by the one place rule. With "
        "`asOf` (a time with its zone), the rows as the map stood then, rebuilt from the "
        "audit trail (seed loads are not in it; a moment before a merge is refused); "
        "below a row, a record's own relationships are read from the map as it is now."
    )
    async def who_is_doing_what_where(
        self,
        info: Ctx,
        where: inputs.WhoFilter | None = None,
        first: int = 50,
        after: str | None = None,
        as_of: datetime | None = None,
    ) -> Connection[WhoIsDoingWhatWhereRow]:
        wanted = filters.WhoFilter(**_plain(where))
        asked = _page(info, first, after)
        async with viewed(info.context.db, as_of) as db:
            page = await who.who_is_doing_what_where(db, wanted, asked)
        return connection(page, _who_row)

    @strawberry.field(description="Full-text search over every kind, best first.")
    async def search(self, info: Ctx, text: str, first: int = 10) -> list[SearchHit]:
        hits = await search.search(
            info.context.db, text, first, info.context.settings.page_size_max
        )
        return [
            SearchHit(
                id=strawberry.ID(h.node.id),
                kind=h.node.kind,
                name=h.node.name,
                score=h.score,
                node=node_of(h.node),
            )
            for h in hits
        ]

    @strawberry.field(
        description="A subgraph up to three steps out from a focus node or, without one, "
        "from the initiatives and organizations that the filter's theme, SDG target, place "
        "and organization type pick, as `initiatives` and `organizations` would list them "
        "(the whole-map drawing; it adds, by default, the organizations, initiatives, action "
        "groups, places and SDG targets next to them)."
    )
    async def graph(
        self,
        info: Ctx,
        focus: strawberry.ID | None = None,
        depth: int = 1,
        filter: inputs.GraphFilter | None = None,
        map_as_of: inputs.MapAsOf = None,
    ) -> Graph:
        given = _plain(filter or inputs.GraphFilter())
        drawing = subgraph.GraphFilter(
            kinds=given.pop("kinds") or [], relationship_types=given.pop("relationship_types") or []
        )
        limit = given.pop("limit")
        start = str(focus) if focus is not None else None
        async with viewed(info.context.db, map_as_of) as db:
            found = await subgraph.subgraph(
                db,
                start,
                depth,
                drawing,
                filters.AreaFilter(**given),
                limit,
                info.context.settings.graph_node_limit_max,
            )
        return _graph(start, found)
