"""A bounded subgraph around a focus node, ready for a visualization to draw: a
breadth-first walk of at most three steps, one query per step, then one for the edges."""

from dataclasses import dataclass, field

from service.db import Database
from service.domain.directory import get
from service.domain.errors import BadInput
from service.domain.records import MapRecord, Props
from service.ids import LABELS
from service.seed.graph import ENDPOINTS

# Every relationship type on the map except the citations and region nesting, which would
# swamp a drawing; a filter can ask for them.
DRAWN_TYPES = tuple(sorted(ENDPOINTS))
ALL_TYPES = frozenset({*ENDPOINTS, "IN_REGION", "CITED_IN"})
MAX_DEPTH = 3


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


async def subgraph(
    db: Database, focus: str, depth: int, given: GraphFilter, limit: int, max_limit: int
) -> Subgraph:
    labels, types = _check(depth, limit, max_limit, given)
    nodes = {focus: await get(db, focus)}
    frontier, truncated = [focus], False
    for _ in range(depth):
        if not frontier:
            break
        room = limit - len(nodes)
        rows = await db.read(
            "graph/expand",
            frontier=frontier,
            seen=list(nodes),
            types=types,
            labels=labels,
            limit=room + 1,
        )
        truncated = truncated or len(rows) > room
        found = [MapRecord.from_row(row) for row in rows[:room]]
        nodes.update({n.id: n for n in found})
        frontier = [n.id for n in found]
        if len(nodes) >= limit:
            break
    rows = await db.read("graph/edges", ids=list(nodes), types=types)
    edges = [Edge(r["id"], r["source"], r["target"], r["type"], r["props"]) for r in rows]
    return Subgraph(list(nodes.values()), edges, truncated)
