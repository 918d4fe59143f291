"""The service's settings: the one place configuration is read, from the environment or `.env`."""

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every setting, with the environment variable that sets it (the field name, upper-cased)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Where Neo4j is. The defaults match the local server `a87map neo4j start` runs.
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = Field(default=SecretStr(""), min_length=0)
    neo4j_database: str = "neo4j"
    # How long a request waits for a connection to Neo4j before it answers
    # DATABASE_UNAVAILABLE, and how long a request's read is retried after a lost
    # connection: short, so clients see an answer, not their own timeout, while it is down.
    neo4j_connection_timeout_s: float = Field(default=1.0, gt=0)
    neo4j_request_retry_s: float = Field(default=0.0, ge=0)
    # Commands (seed, import, keys) may wait longer: they often run right after a start.
    neo4j_command_retry_s: float = Field(default=30.0, ge=0)
    # Connections each process keeps to Neo4j: enough for every request one worker serves
    # at once (the driver's own default is 100).
    neo4j_pool_size: int = Field(default=64, ge=1)
    # How long a statement waits for one of those connections when all are in use: a busy
    # process queues its statements (a wide nested read fans out) instead of failing them.
    neo4j_pool_wait_s: float = Field(default=30.0, gt=0)

    # `a87map serve`: worker processes, one per core by default (each has its own pool).
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    # How long a signed-in session of the explorer lasts before its editor signs in again.
    session_hours: int = Field(default=8, ge=1, le=24 * 30)
    # How long requests still running when the server is told to stop may go on.
    shutdown_grace_s: int = Field(default=10, ge=1)

    # The local server, for machines without a Docker engine.
    local_neo4j_home: Path = Path.home() / ".local" / "share" / "alliance87-map" / "neo4j"
    local_neo4j_cache: Path = Path.home() / ".cache" / "alliance87-map"
    local_neo4j_page_cache: str = "256m"
    local_neo4j_heap: str = "1g"
    local_neo4j_start_timeout_s: float = 180.0
    # uvicorn's line per request (a proxy in front usually logs them already). Off, a small
    # read costs about 3 % less; errors are logged either way, structured.
    access_log: bool = False
    # Add Neo4j Graph Data Science (Community) from Maven Central to the local server, so
    # network measures run in the database (service/domain/network.py).
    local_neo4j_gds: bool = False

    # Curated data and Cypher.
    seed_dir: Path = PROJECT_ROOT / "seed"
    cypher_dir: Path = PROJECT_ROOT / "cypher"
    # The explorer's built web page (`make explorer` builds it).
    explorer_dir: Path = PROJECT_ROOT / "explorer" / "dist"
    # Rows a load writes per transaction: each batch commits on its own (bounded memory),
    # and each commit costs a disk flush, so batches are large.
    load_batch_size: int = Field(default=2000, ge=1, le=10_000)
    # The most an HTTP import may upload, all files together; larger imports use the CLI.
    import_max_bytes: int = Field(default=50_000_000, ge=1)
    # How often the server looks for imports abandoned by a process that stopped, to take
    # back what they wrote and release their holds (docs/imports-and-holds.md); 0: only at
    # its start and at each import.
    import_recovery_every_s: float = Field(default=10.0, ge=0)
    # How often this process sends webhooks what is due (0: this process sends none), and
    # how long a receiver has to answer (service/editing/webhooks.py).
    webhooks_every_s: float = Field(default=1.0, ge=0)
    webhook_timeout_s: float = Field(default=10.0, gt=0, le=120)
    # How often this process raises the alerts the map calls for (0: only when alerts are
    # read), how many days ahead a commitment falling due raises one, and how many years
    # after it was last confirmed a record's facts raise one (service/editing/alerts.py).
    alerts_every_s: float = Field(default=60.0, ge=0)
    alert_due_within_days: int = Field(default=45, ge=1, le=366)
    alert_stale_years: int = Field(default=2, ge=1, le=100)
    # For tests and demonstrations only: a pause after each batch an import writes, so
    # that it can be stopped half-way. Leave it at 0.
    import_batch_pause_s: float = Field(default=0.0, ge=0)

    # GraphQL limits against abusive queries. A body over graphql_max_bytes gets 413.
    graphql_max_bytes: int = Field(default=1_000_000, ge=1_000)
    graphql_max_depth: int = 10
    graphql_max_aliases: int = 30
    graphql_max_tokens: int = 3000
    # Reads answered before go through the lean executor (api/graphql/fast_reads.py);
    # off, strawberry answers every request.
    graphql_fast_reads: bool = True
    # How often an open `changes` subscription looks for new changes in the audit trail
    # (any process's writes land there, so every process's subscribers see them).
    changes_poll_s: float = Field(default=1.0, gt=0, le=60)
    page_size_max: int = 100
    graph_node_limit_max: int = 1000

    # Who the IATI export says reports it: set your own IATI organisation identifier
    # before publishing; the default says plainly that it is registered with no one.
    iati_publisher_ref: str = "XX-A87MAP-UNREGISTERED"
    iati_publisher_name: str = "Alliance 8.7 stakeholder map"
    iati_publisher_type: str = "90"
    log_json: bool = False
    log_level: str = "INFO"

    def bolt_host_port(self) -> tuple[str, int]:
        """The host and port of `neo4j_uri`, for the local server to listen on."""
        address = self.neo4j_uri.split("://", 1)[-1].split("/", 1)[0]
        host, _, port = address.rpartition(":")
        return (host or "127.0.0.1"), int(port or 7687)


@lru_cache
def get_settings() -> Settings:
    return Settings()
