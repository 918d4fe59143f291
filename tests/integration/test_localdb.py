"""The local server's clear failures (the session fixture itself proves that start, wait
for Bolt and stop work when it runs the local server)."""

from pathlib import Path

import pytest
from pydantic import SecretStr

from service.config import Settings
from service.localdb import server
from tests.conftest import settings_for_tests


def test_start_without_a_password_says_so(tmp_path: Path) -> None:
    settings = settings_for_tests(
        neo4j_uri="bolt://127.0.0.1:1",
        neo4j_password="",
        local_neo4j_home=tmp_path,
    )
    with pytest.raises(server.LocalServerError, match="NEO4J_PASSWORD must be set"):
        server.start(settings)


def test_start_on_a_taken_port_says_so(neo4j_settings: Settings, tmp_path: Path) -> None:
    host, port = neo4j_settings.bolt_host_port()
    if host != "127.0.0.1":
        pytest.skip("the test server is not on this machine")
    other = settings_for_tests(
        neo4j_uri=neo4j_settings.neo4j_uri,
        neo4j_password="not-the-password",
        local_neo4j_home=tmp_path,
    )
    with pytest.raises(server.LocalServerError, match=rf"port {port} on 127\.0\.0\.1 is taken"):
        server.start(other)


def test_a_remote_uri_is_never_started_locally(tmp_path: Path) -> None:
    settings = settings_for_tests(
        neo4j_uri="bolt://192.0.2.1:7687",
        neo4j_password="long-enough-password",
        local_neo4j_home=tmp_path,
        neo4j_connection_timeout_s=1,
    )
    with pytest.raises(server.LocalServerError, match=r"only started for 127\.0\.0\.1"):
        server.start(settings)


def test_status_of_a_server_that_is_not_running(tmp_path: Path) -> None:
    settings = settings_for_tests(
        neo4j_uri="bolt://127.0.0.1:1",
        neo4j_password="whatever-password",
        local_neo4j_home=tmp_path,
    )
    status = server.status(settings)
    assert (status.running, status.bolt_answers) == (False, False)
    assert server.stop(settings) is False


def test_our_server_started_with_another_password_says_so(neo4j_settings: Settings) -> None:
    """Two checkouts sharing one data folder: the second's password is refused, and start
    says so at once instead of waiting out its timeout."""
    if server.status(neo4j_settings).pid is None:
        pytest.skip("the test server was not started by this project's local server")
    other = neo4j_settings.model_copy(
        update={"neo4j_password": SecretStr("another-checkouts-password")}
    )
    with pytest.raises(server.LocalServerError, match="refuses this NEO4J_PASSWORD"):
        server.start(other)
