"""The organization ranking's two ways give the same answers: on the seed, Graph Data
Science in the database and networkx in the service give every organization of the
network the same degree and the same betweenness; and the ranking a user reads is the one
the installed way gives. Skipped, saying so, where the test Neo4j has no Graph Data
Science (a local server gets it with LOCAL_NEO4J_GDS=true; the test fixture asks for it)."""

from typing import Any

import pytest

from service.config import Settings
from service.domain import network
from tests.conftest import run_db


def _installed(settings: Settings) -> bool:
    async def ask(db: Any) -> bool:
        [row] = await db.read_apart("analysis/gds_installed")
        return bool(row["installed"])

    return run_db(settings, ask)


def test_graph_data_science_and_networkx_measure_alike(seeded: Settings) -> None:
    if not _installed(seeded):
        pytest.skip("Graph Data Science is not installed in the test Neo4j (LOCAL_NEO4J_GDS)")
    in_database = run_db(seeded, network._in_the_database)
    in_service = run_db(seeded, network._with_networkx)
    assert in_database.sample is None, "the seed is measured exactly"
    assert in_service.sample is None
    assert in_database.degrees == in_service.degrees
    assert in_database.betweenness.keys() == in_service.betweenness.keys()
    for organization, score in in_service.betweenness.items():
        assert in_database.betweenness[organization] == pytest.approx(score, abs=1e-9)
    assert any(score > 0 for score in in_service.betweenness.values()), "some organization brokers"


def test_the_ranking_read_is_the_installed_ways(seeded: Settings, gql: Any) -> None:
    body = gql(
        "{ organizationRanking(metric: BETWEENNESS, limit: 500) "
        "{ organization { id } degree betweenness } }"
    )
    assert "errors" not in body, body
    way = network._in_the_database if _installed(seeded) else network._with_networkx
    measured = run_db(seeded, way)
    for rank in body["data"]["organizationRanking"]:
        organization = rank["organization"]["id"]
        assert rank["degree"] == measured.degrees[organization]
        assert rank["betweenness"] == round(measured.betweenness[organization], 4)
