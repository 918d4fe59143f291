"""The service as users run it: `a87map serve` in its own process, over real HTTP."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from service.config import PROJECT_ROOT, Settings
from tests.conftest import free_port

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def base_url(seeded: Settings) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "NEO4J_URI": seeded.neo4j_uri,
        "NEO4J_USER": seeded.neo4j_user,
        "NEO4J_PASSWORD": seeded.neo4j_password.get_secret_value(),
        "LOG_JSON": "true",
    }
    command = [sys.executable, "-m", "service.cli", "serve", "--port", str(port)]
    process = subprocess.Popen(
        command, env=env, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_live(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_live(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            pytest.fail(f"the service exited:\n{output}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.5)
    pytest.fail("the service did not answer /healthz within 60 s")


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
