"""A bounded subgraph for a visualization to draw: a breadth-first walk of at most three
steps, one query per step, then one for the edges. It starts from a focus node or, without
one, from the initiatives and organizations an area filter picks (the whole-map drawing)."""

from collections import Counter
from dataclasses import dataclass, field, fields

from service.db.driver import Database
from service.domain.directory import get
from service.domain.filters import (
    AreaFilter,
    InitiativeFilter,
    OrganizationFilter,
    as_parameters,
    normalise,
)
from service.domain.places import placed
from service.errors import BadInput
from service.model.fields import camel_case
from service.model.ids import LABELS
from service.model.records import MapRecord, Props
from service.model.relationships import RELATIONSHIPS

# Every relationship type on the map except the citations and region nesting, which would
# swamp a drawing; a filter can ask for them.
DRAWN_TYPES = tuple(sorted(RELATIONSHIPS))
ALL_TYPES = frozenset({*RELATIONSHIPS, "IN_REGION", "CITED_IN"})
MAX_DEPTH = 3
# Who works where and towards what: the kinds a whole-map drawing adds around its start.
OVERVIEW_KINDS = ("organization", "initiative", "action-group", "country", "region", "sdg-target")


@dataclass(frozen=True)
class GraphFilter:
    kinds: list[str] = field(default_factory=list)
    relationship_types: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Edge:
    id: str
    source: str
    target: str
    type: str
    props: Props


@dataclass(frozen=True)
class Subgraph:
    nodes: list[MapRecord]
    edges: list[Edge]
    truncated: bool

    def degrees(self) -> Counter[str]:
        """How many drawn edges touch each node: what a drawing sizes nodes by."""
        return Counter(end for e in self.edges for end in (e.source, e.target))


def _check(
    depth: int, limit: int, max_limit: int, given: GraphFilter
) -> tuple[list[str], list[str]]:
    if not 0 <= depth <= MAX_DEPTH:
        raise BadInput(f"depth: must be between 0 and {MAX_DEPTH}, not {depth}")
    if not 1 <= limit <= max_limit:
        raise BadInput(f"filter.limit: must be between 1 and {max_limit}, not {limit}")
    unknown_kinds = [k for k in given.kinds if k not in LABELS]
    if unknown_kinds:
        raise BadInput(f"filter.kinds: unknown {unknown_kinds}; kinds are {sorted(LABELS)}")
    unknown_types = [t for t in given.relationship_types if t not in ALL_TYPES]
    if unknown_types:
        raise BadInput(
            f"filter.relationshipTypes: unknown {unknown_types}; types are {sorted(ALL_TYPES)}"
        )
    return [LABELS[k] for k in given.kinds], list(given.relationship_types or DRAWN_TYPES)


def _refuse_area_with_focus(area: AreaFilter) -> None:
    """Only the organization type narrows a focus's neighbourhood; the rest pick where a
    whole-map drawing starts, which a focus already says."""
    for item in fields(area):
        if item.name != "organization_type" and getattr(area, item.name) is not None:
            raise BadInput(
                f"filter.{camel_case(item.name)}: narrows the whole-map drawing; "
                "leave it out when there is a focus"
            )


async def _starting_nodes(
    db: Database, focus: str | None, area: AreaFilter, limit: int
) -> tuple[dict[str, MapRecord], bool]:
    if focus is not None:
        _refuse_area_with_focus(area)
        return {focus: await get(db, focus)}, False
    return await _whole_map_start(db, await normalise(db, area), limit)


async def _whole_map_start(
    db: Database, area: AreaFilter, limit: int
) -> tuple[dict[str, MapRecord], bool]:
    """The initiatives and the organizations the area picks, as their lists would."""
    initiatives = InitiativeFilter(
        theme=area.theme,
        sdg_target=area.sdg_target,
        country=area.country,
        region=area.region,
        organization_type=area.organization_type,
    )
    organizations = OrganizationFilter(
        theme=area.theme,
        sdg_target=area.sdg_target,
        country=area.country,
        region=area.region,
        type=area.organization_type,
    )
    picks = (("initiatives/page", initiatives), ("organizations/page", organizations))
    nodes: dict[str, MapRecord] = {}
    truncated = False
    for query, wanted in picks:
        room = limit - len(nodes)
        parameters = await placed(db, as_parameters(wanted))
        row = (await db.read(query, **parameters, skip=0, limit=room))[0]
        nodes.update((r["id"], MapRecord.from_row(r)) for r in row["page"])
        truncated = truncated or row["total"] > room
    return nodes, truncated


async def subgraph(
    db: Database,
    focus: str | None,
    depth: int,
    given: GraphFilter,
    area: AreaFilter,
    limit: int,
    max_limit: int,
) -> Subgraph:
    labels, types = _check(depth, limit, max_limit, given)
    if focus is None and not labels:
        labels = [LABELS[k] for k in OVERVIEW_KINDS]
    nodes, truncated = await _starting_nodes(db, focus, area, limit)
    frontier = list(nodes)
    for _ in range(depth):
        if not frontier:
            break
        room = limit - len(nodes)  # at 0, the query still says whether the limit cut anything
        rows = await db.read(
            "graph/expand",
            frontier=frontier,
            seen=list(nodes),
            types=types,
            labels=labels,
            organizationType=area.organization_type,
            limit=room + 1,
        )
        truncated = truncated or len(rows) > room
        found = [MapRecord.from_row(row) for row in rows[:room]]
        nodes.update({n.id: n for n in found})
        frontier = [n.id for n in found]
    rows = await db.read("graph/edges", ids=list(nodes), types=types)
    edges = [Edge(r["id"], r["source"], r["target"], r["type"], r["props"]) for r in rows]
    return Subgraph(list(nodes.values()), edges, truncated)
