"""What a drawn network is made of: its communities, found by Louvain's method with a fixed
seed (the same drawing always gives the same communities, each named by its most central
member: the one with the most ties inside it, then by name), and each node's closeness and
eigenvector centrality within the drawing (networkx)."""

from dataclasses import dataclass

import networkx as nx

from service.domain.subgraph import Subgraph

# Louvain is randomised; a fixed seed makes it give one answer for one drawing.
SEED = 87


@dataclass(frozen=True)
class Community:
    number: int  # 0 for the largest, then by size and name
    name: str  # its most central member's label
    members: tuple[str, ...]


@dataclass(frozen=True)
class Measures:
    communities: tuple[Community, ...]
    community_of: dict[str, int]
    closeness: dict[str, float]
    eigenvector: dict[str, float]


def measure(drawn: Subgraph) -> Measures:
    # Louvain's answer depends on the order it meets nodes and edges: in id order, the same
    # drawing gives the same communities however the database returned it.
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(sorted(n.id for n in drawn.nodes))
    ends = sorted({(min(e.source, e.target), max(e.source, e.target)) for e in drawn.edges})
    graph.add_edges_from((a, b) for a, b in ends if a != b)
    labels = {n.id: n.short_name for n in drawn.nodes}
    found = nx.community.louvain_communities(graph, seed=SEED) if graph.number_of_nodes() else []
    named = sorted(
        ((_central(graph.subgraph(members), labels), tuple(sorted(members))) for members in found),
        key=lambda c: (-len(c[1]), c[0]),
    )
    communities = tuple(Community(i, name, members) for i, (name, members) in enumerate(named))
    return Measures(
        communities=communities,
        community_of={m: c.number for c in communities for m in c.members},
        closeness=nx.closeness_centrality(graph),
        eigenvector=_eigenvector(graph),
    )


def _central(part: "nx.Graph[str]", labels: dict[str, str]) -> str:
    """The label of the member with the most ties inside the community (then by label)."""
    best: str = min(part.nodes, key=lambda n: (-part.degree(n), labels.get(n, n)))
    return labels.get(best, best)


def _eigenvector(graph: "nx.Graph[str]") -> dict[str, float]:
    """Eigenvector centrality per connected part (it is not defined across parts), scaled by
    the part's share of the drawing so that a pair of nodes apart does not score 0.7."""
    found: dict[str, float] = {}
    total = graph.number_of_nodes()
    for nodes in nx.connected_components(graph):
        part = graph.subgraph(nodes)
        if part.number_of_edges() == 0:
            found.update(dict.fromkeys(nodes, 0.0))
            continue
        # The sparse solver needs three nodes or more; in a pair, both count the same.
        scores = (
            nx.eigenvector_centrality_numpy(part)
            if len(nodes) > 2
            else {n: 1 / len(nodes) ** 0.5 for n in nodes}
        )
        share = len(nodes) / total
        found.update({n: round(float(v) * share, 6) for n, v in scores.items()})
    return found
