"""A drawing's communities and measures (service/domain/communities.py): the same drawing
gives the same communities however its nodes and edges come, each community is named by
its best-tied member, and every node gets each measure."""

import random

from service.domain.communities import measure
from service.domain.subgraph import Edge, Subgraph
from service.seed import synthetic


def _drawing() -> Subgraph:
    graph = synthetic.generate(300, seed=5).graph
    ids = {n.id for n in graph.nodes}
    edges = [
        Edge(f"e{i}", link.source_id, link.target_id, link.type, {})
        for i, link in enumerate(graph.links)
        if link.source_id in ids and link.target_id in ids
    ]
    return Subgraph(list(graph.nodes), edges, truncated=False)


def test_the_same_drawing_in_another_order_gives_the_same_communities() -> None:
    drawing = _drawing()
    first = measure(drawing)
    nodes, edges = list(drawing.nodes), list(drawing.edges)
    random.Random(3).shuffle(nodes)
    random.Random(4).shuffle(edges)
    again = measure(Subgraph(nodes, edges, truncated=False))
    assert again.communities == first.communities
    assert len(first.communities) > 1


def test_every_node_is_measured_and_in_one_community() -> None:
    drawing = _drawing()
    found = measure(drawing)
    ids = {n.id for n in drawing.nodes}
    members = [m for c in found.communities for m in c.members]
    assert sorted(members) == sorted(ids)
    assert set(found.closeness) == ids
    assert set(found.eigenvector) == ids
    sizes = [len(c.members) for c in found.communities]
    assert sizes == sorted(sizes, reverse=True)
