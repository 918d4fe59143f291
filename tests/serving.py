"""The service as users run it: `a87map serve` in a process of its own, over real HTTP
(the browser tests and the two-process test start it so)."""

import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import httpx
import pytest

from service.config import PROJECT_ROOT
from tests.conftest import free_port


@contextmanager
def serving(neo4j_uri: str, user: str, password: str, **settings: str) -> Iterator[str]:
    """The service in a process of its own; `settings` are more of its environment."""
    port = free_port()
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_uri,
        "NEO4J_USER": user,
        "NEO4J_PASSWORD": password,
        "NEO4J_CONNECTION_TIMEOUT_S": "2",
        "LOG_JSON": "true",
        # Alerts are raised when a test reads them, never by a round in the background: a
        # server kept for the whole session would raise them in other tests' moments.
        "ALERTS_EVERY_S": "0",
        **settings,
    }
    command = [sys.executable, "-m", "service.cli", "serve", "--port", str(port)]
    # The server's log goes to a file, not a pipe: a pipe nobody reads fills up over a
    # session, and a server blocked writing its log neither answers nor stops.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command, env=env, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_live(url, process, log)
            yield url
        finally:
            _stop(process, log)


def _tail(log: IO[bytes]) -> str:
    log.seek(0)
    return log.read().decode(errors="replace")[-4000:]


def _stop(process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    """Stop the server as a user's Ctrl-C would; one that has not ended well after its
    grace period is killed, and what it last logged is shown, so the session still ends."""
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        warnings.warn(
            f"the service did not stop within 60 s of SIGTERM:\n{_tail(log)}", stacklevel=1
        )


def _wait_until_live(url: str, process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the service exited:\n{_tail(log)}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.5)
    pytest.fail("the service did not answer /healthz within 60 s")
