"""Neo4j killed under the running service and started again: how long a client waits for
its answer while the database is down, and how soon after the restart reads succeed and
/readyz says ready. Starts a Neo4j of its own (the project's local server, in a temporary
folder on a free port) and the service over HTTP, kills Neo4j with SIGKILL, and records
the numbers in outage_results.json (see bench/README.md).

    .venv/bin/python -m bench.outage [ROUNDS]
"""

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from bench.scratch import scratch_neo4j
from service.config import PROJECT_ROOT, Settings
from service.localdb import server
from service.localdb.server import free_port

HERE = Path(__file__).resolve().parent
QUERY = {"query": "{ organizations(first: 5) { edges { node { id } } } }"}
DOWN_REQUESTS = 20


def _serve(settings: Settings, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "service.cli", "serve", "--port", str(port)]
    return subprocess.Popen(command, env=env, cwd=PROJECT_ROOT)


def _ask(client: httpx.Client) -> tuple[float, str]:
    """Seconds to the answer, and its outcome: ok, an error code, or the client's own error."""
    started = time.monotonic()
    try:
        body = client.post("/graphql", json=QUERY).json()
        errors = body.get("errors") or []
        outcome = errors[0]["extensions"]["code"] if errors else "ok"
    except httpx.HTTPError as error:
        outcome = type(error).__name__
    return time.monotonic() - started, outcome


def _ready(client: httpx.Client) -> bool:
    try:
        return client.get("/readyz").status_code == 200
    except httpx.HTTPError:
        return False


def _poll(
    check: Any, restart: float, done: threading.Event, found: list[tuple[float, float, bool]]
) -> None:
    """Runs `check` every 50 ms until `done`, recording (started, ended, succeeded), in
    seconds from the restart."""
    while not done.is_set():
        started = time.monotonic() - restart
        succeeded = check()
        found.append((started, time.monotonic() - restart, succeeded))
        time.sleep(0.05)


def _round(settings: Settings, port: int) -> dict[str, Any]:
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=60) as client:
        server.stop(settings, kill=True)
        down = [_ask(client) for _ in range(DOWN_REQUESTS)]
        ready_started = time.monotonic()
        ready_while_down = _ready(client)
        ready_answer_s = time.monotonic() - ready_started
    restart = time.monotonic()
    done = threading.Event()
    readiness: list[tuple[float, float, bool]] = []
    reads: list[tuple[float, float, bool]] = []
    with (
        httpx.Client(base_url=base, timeout=60) as ready_client,
        httpx.Client(base_url=base, timeout=60) as read_client,
    ):
        pollers = [
            threading.Thread(
                target=_poll, args=(lambda: _ready(ready_client), restart, done, readiness)
            ),
            threading.Thread(
                target=_poll, args=(lambda: _ask(read_client)[1] == "ok", restart, done, reads)
            ),
        ]
        for poller in pollers:
            poller.start()
        server.start(settings)
        bolt = time.monotonic() - restart
        while not any(ok for *_, ok in reads) and time.monotonic() - restart < 180:
            time.sleep(0.05)
        done.set()
        for poller in pollers:
            poller.join()
    first_ready = min((end for _, end, ok in readiness if ok), default=None)
    first_read, first_read_took = min(
        ((end, end - start) for start, end, ok in reads if ok), default=(None, None)
    )
    failed_after_ready = sum(
        1 for start, _, ok in reads if not ok and first_ready is not None and start >= first_ready
    )
    before_ready = [end - start for start, end, _ in reads if first_ready and start < first_ready]
    times = [t for t, _ in down]
    return {
        "seconds_to_error_while_down_median": round(statistics.median(times), 3),
        "seconds_to_error_while_down_max": round(max(times), 3),
        "answers_while_down": sorted({o for _, o in down}),
        "readyz_while_down": "ready" if ready_while_down else "503",
        "readyz_answer_seconds_while_down": round(ready_answer_s, 3),
        "seconds_from_restart_to_bolt": round(bolt, 2),
        # Reads sent while Neo4j was starting: each should fail fast, not hang.
        "slowest_read_before_ready_seconds": round(max(before_ready), 2) if before_ready else None,
        "seconds_from_restart_to_ready": round(first_ready, 2) if first_ready else None,
        "seconds_from_restart_to_first_read": round(first_read, 2) if first_read else None,
        # A fresh Neo4j plans each statement on first use, so the first read is slow.
        "first_read_took_seconds": round(first_read_took, 2) if first_read_took else None,
        "reads_started_after_ready_that_failed": failed_after_ready,
    }


def main(rounds: int) -> None:
    with scratch_neo4j() as settings:
        port = free_port()
        service = _serve(settings, port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                while not _ready(client):
                    time.sleep(0.2)
            results = [_round(settings, port) for _ in range(rounds)]
        finally:
            service.terminate()
            service.wait(30)
    record = {"cores": os.cpu_count(), "rounds": results}
    (HERE / "outage_results.json").write_text(json.dumps(record, indent=2) + "\n")
    print(json.dumps(record, indent=2))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
