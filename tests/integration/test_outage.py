"""Neo4j killed under the service and started again, on a server of the test's own: while it
is down every request answers DATABASE_UNAVAILABLE and readiness fails; once readiness says
ready, a real query succeeds. (How fast each answer comes is measured by
bench/outage.py, not asserted here.)"""

import secrets
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings
from service.localdb import server
from tests.conftest import free_port, run_db, settings_for_tests

QUERY = {"query": "{ themes { id } }"}


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    if shutil.which("java") is None or shutil.which("mvn") is None:
        pytest.skip("the outage test starts a local Neo4j of its own, which needs Java and Maven")
    settings = settings_for_tests(
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
        neo4j_password=secrets.token_urlsafe(16),
        local_neo4j_home=Path(tmp_path_factory.mktemp("outage")),
    )
    server.start(settings)

    async def nothing(_: object) -> None:
        return None

    run_db(settings, nothing)  # applies the schema
    try:
        yield settings
    finally:
        server.stop(settings, kill=True)


def _code(client: TestClient) -> str | None:
    body = client.post("/graphql", json=QUERY).json()
    errors = body.get("errors") or []
    return str(errors[0]["extensions"]["code"]) if errors else None


def test_while_neo4j_is_down_requests_say_so_and_ready_means_a_read_succeeds(
    own_server: Settings,
) -> None:
    with TestClient(create_app(own_server), raise_server_exceptions=False) as client:
        assert client.get("/readyz").status_code == 200
        assert _code(client) is None
        server.stop(own_server, kill=True)
        assert [_code(client) for _ in range(3)] == ["DATABASE_UNAVAILABLE"] * 3
        assert client.get("/readyz").status_code == 503
        assert client.get("/healthz").status_code == 200
        # Started in the background, so readiness is asked all through the start: Bolt
        # answers some seconds before the database does.
        starting = threading.Thread(target=server.start, args=(own_server,))
        starting.start()
        deadline = time.monotonic() + 120
        while client.get("/readyz").status_code != 200:
            assert time.monotonic() < deadline, "never ready after the restart"
            time.sleep(0.02)
        # Ready means a real read succeeds, not just that Bolt answers.
        assert _code(client) is None
        starting.join()
