"""Start, stop and ask after the local Neo4j server.

The server's home (data, logs, pid file) is `Settings.local_neo4j_home`; the resolved class
path is cached under `Settings.local_neo4j_cache`. Start returns once Bolt answers, or
raises `LocalServerError` saying what went wrong (no Java, no Maven, port taken, download
failed, the server died or did not answer in time) instead of hanging.
"""

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

from service.config import Settings
from service.errors import LocalServerError

HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"
GDS_POM = HERE / "gds.xml"
LAUNCHER = HERE / "Neo4jLocal.java"
NEO4J_VERSION = "5.26.30"
GDS_VERSION = "2.13.9"


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    bolt_answers: bool
    uri: str
    home: Path


def _pid_file(settings: Settings) -> Path:
    return settings.local_neo4j_home / "neo4j.pid"


def _log_file(settings: Settings) -> Path:
    return settings.local_neo4j_home / "server.log"


def _require(tool: str, why: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise LocalServerError(f"'{tool}' was not found on PATH; it is needed {why}")
    return path


def class_path(settings: Settings) -> str:
    """The jars of Neo4j and its Bolt connector, fetched by Maven on first use."""
    return _resolved(settings, POM, f"neo4j-{NEO4J_VERSION}", f"Neo4j {NEO4J_VERSION}")


def gds_class_path(settings: Settings) -> str:
    """The jars of Graph Data Science (Community), fetched by Maven on first use."""
    return _resolved(settings, GDS_POM, f"gds-{GDS_VERSION}", f"Graph Data Science {GDS_VERSION}")


def _resolved(settings: Settings, pom: Path, name: str, what: str) -> str:
    """The class path Maven resolves for `pom`, kept in the cache while its jars exist."""
    cached = settings.local_neo4j_cache / f"{name}.classpath"
    if cached.exists():
        jars = cached.read_text(encoding="utf-8").strip()
        if all(Path(jar).exists() for jar in jars.split(os.pathsep)):
            return jars
    mvn = _require("mvn", f"to fetch the jars of {what} from Maven Central")
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".partial")
    command = [
        mvn,
        "-B",
        "-q",
        "-f",
        str(pom),
        "dependency:build-classpath",
        f"-Dmdep.outputFile={partial}",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not partial.exists():
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise LocalServerError(f"downloading {what} with Maven failed:\n{tail}")
    partial.replace(cached)
    return cached.read_text(encoding="utf-8").strip()


def _plugins(settings: Settings, gds: str) -> Path:
    """The server's plugin folder holding links to the GDS jars: Neo4j registers the
    procedures of the jars in its plugin folder (the class path alone gives it only their
    extensions)."""
    folder = settings.local_neo4j_home / "plugins"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for jar in gds.split(os.pathsep):
        (folder / Path(jar).name).symlink_to(jar)
    return folder


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now, for a scratch server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _port_taken(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def _running_pid(settings: Settings) -> int | None:
    try:
        pid = int(_pid_file(settings).read_text(encoding="utf-8").strip())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        return None
    return pid


def _bolt_answers(settings: Settings) -> bool:
    return _bolt_state(settings) == "answers"


def _bolt_state(settings: Settings) -> str:
    """ "answers", "refuses" (it answers, but not to these credentials) or "silent"."""
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    try:
        with GraphDatabase.driver(settings.neo4j_uri, auth=auth, connection_timeout=2) as driver:
            driver.verify_connectivity()
    except AuthError:
        return "refuses"
    except (ServiceUnavailable, Neo4jError, OSError):
        return "silent"
    return "answers"


def status(settings: Settings) -> Status:
    pid = _running_pid(settings)
    return Status(
        pid is not None,
        pid,
        pid is not None and _bolt_answers(settings),
        settings.neo4j_uri,
        settings.local_neo4j_home,
    )


def start(settings: Settings) -> Status:
    """Start the server unless ours already runs; wait until Bolt answers."""
    running = _running_pid(settings)
    if running is not None:
        _wait_for_bolt(settings, running, started_before=True)
        return status(settings)
    if _bolt_answers(settings):
        return status(settings)  # a server we did not start (Docker, a cluster) already answers
    host, port = settings.bolt_host_port()
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise LocalServerError(
            f"nothing answers at {settings.neo4j_uri}; a local server is only "
            "started for 127.0.0.1, so check NEO4J_URI and the credentials"
        )
    password = settings.neo4j_password.get_secret_value()
    if len(password) < 8:
        raise LocalServerError(
            "NEO4J_PASSWORD must be set (8 characters or more) in the environment"
        )
    java = _require("java", "to run Neo4j (Java 17 or later)")
    if _port_taken(host, port):
        raise LocalServerError(
            f"port {port} on {host} is taken by another program; "
            "set NEO4J_URI to another port or stop that program"
        )
    jars = class_path(settings)
    settings.local_neo4j_home.mkdir(parents=True, exist_ok=True)
    plugins: list[str] = []
    if settings.local_neo4j_gds:
        gds = gds_class_path(settings)
        jars = os.pathsep.join((jars, gds))
        plugins = [str(_plugins(settings, gds))]
    command = [
        java,
        f"-Xmx{settings.local_neo4j_heap}",
        "-cp",
        jars,
        str(LAUNCHER),
        str(settings.local_neo4j_home),
        host,
        str(port),
        settings.local_neo4j_page_cache,
        str(settings.cypher_dir / "schema" / "set_local_password.cypher"),
        *plugins,
    ]
    with _log_file(settings).open("ab") as log:
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "NEO4J_PASSWORD": password},
            start_new_session=True,
        )
    _pid_file(settings).write_text(str(process.pid), encoding="utf-8")
    _wait_for_bolt(settings, process.pid)
    return status(settings)


def _wait_for_bolt(settings: Settings, pid: int | None, *, started_before: bool = False) -> None:
    """Until Bolt answers to these credentials. A server this call started refuses them
    until it has set its password; one that ran before and refuses them was started with
    another password, which waiting will not change."""
    deadline = time.monotonic() + settings.local_neo4j_start_timeout_s
    while time.monotonic() < deadline:
        if pid is None or not _alive(pid):
            raise LocalServerError(
                f"Neo4j stopped while starting; its log says:\n{_log_tail(settings)}"
            )
        state = _bolt_state(settings)
        if state == "answers":
            return
        if state == "refuses" and started_before:
            raise LocalServerError(
                f"the Neo4j running from {settings.local_neo4j_home} (pid {pid}) answers on "
                f"{settings.neo4j_uri} but refuses this NEO4J_PASSWORD: it was started with "
                "another one (another checkout's .env?). Stop it with `a87map neo4j stop`; "
                "starting it again sets this password"
            )
        time.sleep(1.0)
    raise LocalServerError(
        f"Neo4j did not answer on {settings.neo4j_uri} within "
        f"{settings.local_neo4j_start_timeout_s:.0f} s; its log says:\n{_log_tail(settings)}"
    )


def _alive(pid: int) -> bool:
    try:
        reaped, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        reaped = 0  # not our child: started by an earlier command
    if reaped == pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _log_tail(settings: Settings, lines: int = 20) -> str:
    try:
        text = _log_file(settings).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return "(no log was written)"
    return "\n".join(text.strip().splitlines()[-lines:])


def stop(settings: Settings, timeout_s: float = 60.0, *, kill: bool = False) -> bool:
    """Stop our server; return False if none was running. With `kill`, it is killed at once
    (SIGKILL), as a crash would end it: what the outage tests and benchmark need."""
    pid = _running_pid(settings)
    if pid is None:
        _pid_file(settings).unlink(missing_ok=True)
        return False
    os.killpg(pid, signal.SIGKILL if kill else signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    if _alive(pid):
        os.killpg(pid, signal.SIGKILL)
    _pid_file(settings).unlink(missing_ok=True)
    return True
