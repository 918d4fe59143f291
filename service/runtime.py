"""Making the one driver and the one Database, and opening them for the CLI and the API."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from service.config import Settings
from service.db import Database, make_driver
from service.migrations import migrate
from service.queries import Queries


@asynccontextmanager
async def open_database(settings: Settings, *, migrate_schema: bool) -> AsyncIterator[Database]:
    """The map's database; with `migrate_schema`, the schema is brought up to date first."""
    driver = make_driver(settings, retry_s=settings.neo4j_command_retry_s)
    try:
        db = Database(driver, Queries.load(settings.cypher_dir), settings.neo4j_database)
        if migrate_schema:
            await migrate(db, settings.cypher_dir / "migrations")
        yield db
    finally:
        await driver.close()
