"""Applies the schema migrations once per process, as soon as the database answers: at
start-up if it can, else on the first readiness check or request after it comes back."""

import asyncio
import time
from pathlib import Path

from service.db.driver import Database
from service.db.migrations import migrate
from service.errors import DatabaseUnavailable


class SchemaGate:
    # While Neo4j is down, requests do not each wait out a schema check of their own as well
    # as their query: after a failed check, the next waits this long.
    QUIET_RETRY_AFTER_S = 15.0

    def __init__(self, db: Database, migrations: Path) -> None:
        self._db = db
        self._migrations = migrations
        self._done = False
        self._lock = asyncio.Lock()
        self._last_failure = -self.QUIET_RETRY_AFTER_S

    async def ensure(self) -> None:
        """Raises DatabaseUnavailable if Neo4j does not answer."""
        if self._done:
            await self._db.ping()
            return
        async with self._lock:
            if not self._done:
                await migrate(self._db, self._migrations)
                self._done = True

    async def ensure_quietly(self) -> None:
        """For requests: a down database is reported by the query that needs it."""
        if self._done or time.monotonic() - self._last_failure < self.QUIET_RETRY_AFTER_S:
            return
        try:
            await self.ensure()
        except DatabaseUnavailable:
            self._last_failure = time.monotonic()
