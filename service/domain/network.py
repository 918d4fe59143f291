"""Who connects the field: organizations ranked by degree and betweenness centrality in the
network of organizations, initiatives and action groups.

The ranking is stored in the map and read back; it is computed again only when the
network's fingerprint has changed since: in the database where Neo4j Graph Data Science
(Community) is installed (`LOCAL_NEO4J_GDS=true` adds it to a local server), with
networkx otherwise. Betweenness is exact up to EXACT_UP_TO ties
and sampled beyond (SAMPLE shortest-path sources, networkx's `k`, fixed seed, so the same
map gives the same ranking). A small map is recomputed before it is read; a large one is
recomputed in the background while the answer, said to be stale, is the stored one."""

import asyncio
import uuid
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx
import structlog

from service.db.driver import Database
from service.domain.directory import get_many
from service.domain.locks import process_lock
from service.errors import BadInput
from service.model.records import MapRecord

Metric = Literal["DEGREE", "BETWEENNESS"]
EXACT_UP_TO = 20_000  # ties; a few seconds of networkx
SAMPLE = 64  # shortest-path sources sampled beyond that
SEED = 87
MAX_LIMIT = 500
log = structlog.get_logger(__name__)
_background: dict[int, "asyncio.Task[None]"] = {}  # a refresh running, by database


@dataclass(frozen=True)
class Ranked:
    organization: MapRecord
    degree: int
    betweenness: float


@dataclass(frozen=True)
class Ranking:
    organizations: list[Ranked]
    computed_at: str | None
    sample: int | None  # None: exact betweenness
    stale: bool  # the network changed since; a newer ranking is being computed


async def organization_ranking(db: Database, metric: Metric, limit: int) -> Ranking:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"limit: must be between 1 and {MAX_LIMIT}, not {limit}")
    [state] = await db.read("analysis/network_fingerprint")
    stale = not _describes(db, state)
    # A past map's ranking is computed before the answer: nothing is left to run after.
    if stale and (state["stored"] is None or state["edges"] <= EXACT_UP_TO or db.rehearsed):
        async with process_lock("network-ranking"):
            [state] = await db.read("analysis/network_fingerprint")
            if not _describes(db, state):
                state = {**state, **await refresh(db, state["current"])}
        stale = False
    elif stale:
        _refresh_in_background(db, state["current"])
    rows = await db.read("analysis/organization_ranking", metric=metric, limit=limit)
    records = await get_many(db, [r["id"] for r in rows])
    ranked = [
        Ranked(records[r["id"]], int(r["degree"]), round(float(r["betweenness"]), 4))
        for r in rows
        if r["id"] in records
    ]
    computed = state["computedAt"]
    return Ranking(ranked, None if computed is None else str(computed), state["sample"], stale)


def _describes(db: Database, state: dict[str, Any]) -> bool:
    """Whether the stored ranking is the one of the map `db` reads. A past map
    (db.rehearsed) may share the fingerprint of the map the stored ranking was computed
    from, so it is never taken to."""
    return not db.rehearsed and state["stored"] == state["current"]


@dataclass(frozen=True)
class _Measured:
    degrees: dict[str, int]  # by organization
    betweenness: dict[str, float]  # by organization, normalized as networkx normalizes
    sample: int | None  # shortest-path sources sampled; None: exact


async def refresh(db: Database, fingerprint: str) -> dict[str, Any]:
    """Compute the ranking from the network as it is now, in the database where Graph Data
    Science is installed and with networkx otherwise (the same answers: a test compares
    them), and store it with the `fingerprint` read before; returns when it was computed
    and its sample."""
    [gds] = await db.read_apart("analysis/gds_installed")
    measured = await (_in_the_database(db) if gds["installed"] else _with_networkx(db))
    ids = sorted(measured.degrees)
    [stored] = await db.write(
        "analysis/store_ranking",
        ids=ids,
        degrees=[measured.degrees[o] for o in ids],
        betweenness=[measured.betweenness[o] for o in ids],
        fingerprint=fingerprint,
        sample=measured.sample,
    )
    log.info(
        "organization_ranking_computed",
        organizations=len(ids),
        sample=measured.sample,
        by="gds" if gds["installed"] else "networkx",
    )
    return stored


async def _with_networkx(db: Database) -> _Measured:
    graph: nx.Graph[str] = nx.Graph()
    graph.add_edges_from(
        (r["source"], r["target"]) for r in await db.read("analysis/network_edges")
    )
    k = _sample(graph.number_of_edges(), graph.number_of_nodes())
    # networkx's own work is CPU-bound: a thread keeps the server answering meanwhile.
    betweenness = await asyncio.to_thread(
        nx.betweenness_centrality, graph, k=k, normalized=True, seed=SEED
    )
    ids = [n for n in graph.nodes if n.startswith("organization:")]
    return _Measured(
        {o: int(graph.degree[o]) for o in ids}, {o: float(betweenness[o]) for o in ids}, k
    )


async def _in_the_database(db: Database) -> _Measured:
    """Graph Data Science's degree and betweenness over a projection made for this
    ranking and dropped after it, scaled as networkx scales normalized betweenness of an
    undirected graph (GDS counts each pair of ends once, networkx both ways round)."""
    name = f"a87-ranking-{uuid.uuid4().hex}"
    async with db.transaction() as tx:
        try:
            [size] = await tx.run("analysis/gds_project", name=name)
            nodes = int(size["nodes"])
            k = _sample(int(size["relationships"]) // 2, nodes)
            config = {"samplingSize": k, "samplingSeed": SEED} if k else {}
            [found] = await tx.run("analysis/gds_measures", name=name, config=config)
        finally:
            await tx.run("analysis/gds_drop", name=name)
    scale = 2 / ((nodes - 1) * (nodes - 2)) if nodes > 2 else 1.0
    if k:
        scale *= nodes / k  # as networkx scales a sample up to the whole
    return _Measured(
        {r["id"]: int(r["degree"]) for r in found["degrees"]},
        {r["id"]: float(r["score"]) * scale for r in found["betweenness"]},
        k,
    )


def _sample(edges: int, nodes: int) -> int | None:
    """How many shortest-path sources betweenness samples: none (exact) up to EXACT_UP_TO
    ties."""
    return min(SAMPLE, nodes) if edges > EXACT_UP_TO else None


def _refresh_in_background(db: Database, fingerprint: str) -> None:
    """One refresh at a time per database; it is forgotten when it ends, so the next
    request after a failure (logged) tries again."""
    if id(db) in _background:
        return

    async def run() -> None:
        try:
            await refresh(db, fingerprint)
        except Exception:
            log.exception("organization_ranking_failed")

    task = asyncio.get_running_loop().create_task(run())
    _background[id(db)] = task
    task.add_done_callback(lambda _: _background.pop(id(db), None))
