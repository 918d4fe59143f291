"""Who connects the field: organizations ranked by degree and betweenness centrality in the
network of organizations, initiatives and action groups (networkx)."""

from dataclasses import dataclass
from typing import Literal

import networkx as nx

from service.db.driver import Database
from service.domain.directory import get_many
from service.model.records import MapRecord

Metric = Literal["DEGREE", "BETWEENNESS"]


@dataclass(frozen=True)
class Ranked:
    organization: MapRecord
    degree: int
    betweenness: float


async def organization_ranking(db: Database, metric: Metric, limit: int) -> list[Ranked]:
    graph: nx.Graph[str] = nx.Graph()
    graph.add_edges_from(
        (r["source"], r["target"]) for r in await db.read("analysis/network_edges")
    )
    organizations = [n for n in graph.nodes if n.startswith("organization:")]
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    records = await get_many(db, organizations)
    ranked = [
        Ranked(records[o], int(graph.degree[o]), round(betweenness[o], 4))
        for o in organizations
        if o in records
    ]
    return sorted(ranked, key=lambda r: _order(r, metric))[:limit]


def _order(ranked: Ranked, metric: Metric) -> tuple[float, float, str]:
    first, second = float(ranked.degree), ranked.betweenness
    if metric == "BETWEENNESS":
        first, second = second, first
    return -first, -second, ranked.organization.id
