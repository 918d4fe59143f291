"""Test fixtures. Every integration and end-to-end test talks to a real Neo4j 5.26:

1. `A87_TEST_NEO4J_URI` (with `A87_TEST_NEO4J_USER`, `A87_TEST_NEO4J_PASSWORD`) names a
   server to use; the tests wipe the map's nodes on it, so never point it at real data.
2. Else, where a Docker engine answers, pytest-docker brings up `docker-compose.yml`.
3. Else the project's own local server is started on a free port, in a temporary folder,
   with a random password and Graph Data Science, and stopped afterwards.

The seed is loaded once per session; tests that change the graph put it back.
"""

import asyncio
import os
import secrets
import shutil
import subprocess
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import PROJECT_ROOT, Settings, get_settings
from service.db import driver
from service.db.driver import Database
from service.db.runtime import open_database
from service.localdb import server
from service.localdb.server import free_port
from service.seed.graph import SeedGraph
from service.seed.loader import load, prepare

T = TypeVar("T")
COMPOSE_PASSWORD = "compose-test-password"
# Rows are copied as plain dicts on the understanding that no statement returns a node,
# relationship or path; every test checks it.
driver._CHECK_ROWS = True


def _docker_engine_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    done = subprocess.run(["docker", "info"], capture_output=True, check=False, timeout=30)
    return done.returncode == 0


def data_of(body: dict[str, Any]) -> dict[str, Any]:
    """A GraphQL answer's data, once it is known to carry no error."""
    assert "errors" not in body, body.get("errors")
    found: dict[str, Any] = body["data"]
    return found


def settings_for_tests(**overrides: Any) -> Settings:
    """Settings from the arguments and the environment, never from a developer's .env.
    Alerts are raised when read, not also in the background: a background round would
    rescore overlaps at moments the tests of rescoring do not choose."""
    chosen = {"alerts_every_s": 0, **overrides}
    return Settings(_env_file=None, **chosen)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def docker_compose_file() -> str:
    return str(PROJECT_ROOT / "docker-compose.yml")


@pytest.fixture(scope="session")
def docker_setup() -> list[str]:
    return ["up --build --wait -d neo4j"]


@pytest.fixture(scope="session")
def neo4j_settings(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    uri = os.environ.get("A87_TEST_NEO4J_URI")
    if uri:
        yield settings_for_tests(
            neo4j_uri=uri,
            neo4j_user=os.environ.get("A87_TEST_NEO4J_USER", "neo4j"),
            neo4j_password=os.environ["A87_TEST_NEO4J_PASSWORD"],
        )
    elif _docker_engine_answers():
        yield _compose_settings(request)
    else:
        yield from _local_settings(tmp_path_factory)


def _compose_settings(request: pytest.FixtureRequest) -> Settings:
    os.environ["NEO4J_PASSWORD"] = COMPOSE_PASSWORD
    services = request.getfixturevalue("docker_services")
    port = services.port_for("neo4j", 7687)
    settings = settings_for_tests(
        neo4j_uri=f"bolt://127.0.0.1:{port}", neo4j_password=COMPOSE_PASSWORD
    )
    services.wait_until_responsive(
        check=lambda: server.status(settings).bolt_answers, timeout=180.0, pause=2.0
    )
    return settings


def _local_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    settings = settings_for_tests(
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
        neo4j_password=secrets.token_urlsafe(16),
        local_neo4j_home=tmp_path_factory.mktemp("neo4j"),
        # With Graph Data Science, so the ranking's two ways can be compared.
        local_neo4j_gds=True,
    )
    server.start(settings)
    try:
        yield settings
    finally:
        server.stop(settings)


def run_db(settings: Settings, work: Callable[[Database], Awaitable[T]]) -> T:
    """Run `work` against the test database with a driver of its own."""

    async def main() -> T:
        async with open_database(settings, migrate_schema=True) as db:
            return await work(db)

    return asyncio.run(main())


async def _wipe(db: Database) -> None:
    await db.delete_in_batches("maintenance/wipe_map", limit=10_000)


def reseed(settings: Settings) -> None:
    """Wipe the test database and load the seed: the map as every test module expects it."""
    graph = prepare(settings.seed_dir)

    async def work(db: Database) -> None:
        await _wipe(db)
        await load(db, graph, settings.load_batch_size)

    run_db(settings, work)


async def empty_map(db: Database, settings: Settings) -> None:
    """Wipe the map and load only the reference layer (places, themes' targets and the
    like): the empty map an export is imported into to see it come back whole."""
    await _wipe(db)
    await load(db, prepare(settings.seed_dir, reference_only=True), settings.load_batch_size)


@pytest.fixture(scope="session")
def seeded(neo4j_settings: Settings) -> Settings:
    """The test database, wiped and loaded with the seed."""
    reseed(neo4j_settings)
    return neo4j_settings


@pytest.fixture(scope="session")
def seed_graph() -> SeedGraph:
    """The seed's records and relationships as the loader writes them, so a test can
    assert a property of every record of a kind ("every seat on the GCG is listed") instead
    of a count the seed happens to hold, which the next curated fact would break."""
    return prepare(PROJECT_ROOT / "seed")


@pytest.fixture(scope="session")
def client(seeded: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(seeded)) as test_client:
        yield test_client


@pytest.fixture
def gql(client: TestClient) -> Callable[..., dict[str, Any]]:
    """Post a GraphQL query; return the whole response body."""

    def ask(query: str, **variables: Any) -> dict[str, Any]:
        response = client.post("/graphql", json={"query": query, "variables": variables})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    return ask


@pytest.fixture
def as_key(client: TestClient) -> Callable[[str | None], Callable[..., dict[str, Any]]]:
    """A GraphQL poster sending an API key as a bearer token (none for a public caller)."""

    def asker(token: str | None) -> Callable[..., dict[str, Any]]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}

        def ask(query: str, **variables: Any) -> dict[str, Any]:
            response = client.post(
                "/graphql", json={"query": query, "variables": variables}, headers=headers
            )
            assert response.status_code == 200, response.text
            body: dict[str, Any] = response.json()
            return body

        return ask

    return asker


@pytest.fixture
def cli_env(seeded: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The CLI's settings pointed at the seeded test database."""
    monkeypatch.setenv("NEO4J_URI", seeded.neo4j_uri)
    monkeypatch.setenv("NEO4J_USER", seeded.neo4j_user)
    monkeypatch.setenv("NEO4J_PASSWORD", seeded.neo4j_password.get_secret_value())
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


_LAYERS = ("unit", "integration", "e2e")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by its folder (unit, integration, e2e), so `make check` can run the
    unit tests alone with `-m unit` while `make test` runs everything."""
    for item in items:
        folder = Path(str(item.path)).relative_to(Path(__file__).parent).parts[0]
        if folder in _LAYERS:
            item.add_marker(getattr(pytest.mark, folder))
