"""The service as users run it: `a87map serve` in its own process, over real HTTP."""

import httpx
import pytest

from service.config import Settings
from service.seed.loader import prepare

pytestmark = pytest.mark.e2e


def test_ready_and_serving_graphiql(base_url: str) -> None:
    assert httpx.get(f"{base_url}/readyz").json() == {"status": "ready"}
    page = httpx.get(f"{base_url}/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()


def test_a_visualization_query_over_http(base_url: str) -> None:
    query = """{ graph(focus: "initiative:knowledge-platform", depth: 1) {
        nodes { id kind label } edges { source target type } } }"""
    body = httpx.post(f"{base_url}/graphql", json={"query": query}).json()
    edges = {(e["source"], e["type"], e["target"]) for e in body["data"]["graph"]["edges"]}
    assert (
        "organization:government-of-the-united-kingdom",
        "FUNDS",
        "initiative:knowledge-platform",
    ) in edges
    assert ("organization:unu", "LEADS", "initiative:knowledge-platform") in edges


def test_the_explorer_page_and_its_assets_are_served(base_url: str) -> None:
    page = httpx.get(f"{base_url}/")
    assert page.status_code == 200
    assert "Alliance 8.7 stakeholder map" in page.text
    script = page.text.split('src="', 2)[1].split('"', 1)[0]
    assert script.startswith("/assets/")
    asset = httpx.get(f"{base_url}{script}")
    assert asset.status_code == 200
    assert "javascript" in asset.headers["content-type"]
    # Hashed names never change meaning: cached for a year, and sent compressed.
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert asset.headers["content-encoding"] == "gzip"
    assert httpx.get(f"{base_url}/").headers["cache-control"] == "no-cache"


def test_graphql_answers_are_compressed_when_asked(base_url: str, seeded: Settings) -> None:
    query = "{ initiatives(first: 50) { edges { node { id name description } } } }"
    packed = httpx.post(f"{base_url}/graphql", json={"query": query})
    assert packed.headers["content-encoding"] == "gzip"  # httpx asks for gzip by default
    plain = httpx.post(
        f"{base_url}/graphql", json={"query": query}, headers={"Accept-Encoding": "identity"}
    )
    assert "content-encoding" not in plain.headers
    assert packed.json() == plain.json()
    seeded_initiatives = [n for n in prepare(seeded.seed_dir).nodes if n.kind == "initiative"]
    assert len(packed.json()["data"]["initiatives"]["edges"]) == len(seeded_initiatives)
