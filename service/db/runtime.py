"""Making the one driver and the one Database, and opening them for the CLI and the API."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from service.config import Settings
from service.db.driver import Database, make_driver
from service.db.migrations import migrate
from service.db.queries import Queries


def make_database(settings: Settings, *, retry_s: float) -> Database:
    """The map's database over a new driver (the caller closes `db.driver`); `retry_s` is
    how long a read is retried after a lost connection."""
    return Database(
        make_driver(settings, retry_s=retry_s),
        Queries.load(settings.cypher_dir),
        settings.neo4j_database,
        probe_timeout_s=settings.neo4j_connection_timeout_s,
    )


@asynccontextmanager
async def open_database(settings: Settings, *, migrate_schema: bool) -> AsyncIterator[Database]:
    """The map's database for a command; with `migrate_schema`, the schema is brought up to
    date first."""
    db = make_database(settings, retry_s=settings.neo4j_command_retry_s)
    try:
        if migrate_schema:
            await migrate(db, settings.cypher_dir / "migrations")
        yield db
    finally:
        await db.driver.close()
