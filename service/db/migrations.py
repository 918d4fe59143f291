"""Versioned schema migrations from `cypher/migrations/NNNN_name.cypher`.

A migration file may hold several schema statements separated by `;` (Neo4j runs each in
its own transaction). Applied versions are recorded in the graph, and every statement is
written with IF NOT EXISTS, so applying them again is harmless. Two processes starting at
once (the server's workers) may collide on Neo4j's schema lock or on recording a version;
the one that loses reads what is applied again and carries on.
"""

import asyncio
import re
from dataclasses import dataclass
from pathlib import Path

import structlog

from service.db.driver import Database
from service.errors import Contended

log = structlog.get_logger(__name__)
_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.cypher$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: list[str]


def read_migrations(directory: Path) -> list[Migration]:
    migrations = []
    for path in sorted(directory.glob("*.cypher")):
        match = _FILE.match(path.name)
        if match is None:
            raise ValueError(f"{path.name}: migration files are named NNNN_words.cypher")
        body = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.strip().startswith("//")
        )
        statements = [s.strip() for s in body.split(";") if s.strip()]
        migrations.append(Migration(int(match.group(1)), path.name, statements))
    return migrations


ATTEMPTS = 5


async def migrate(db: Database, directory: Path) -> list[int]:
    """Apply the migrations not yet recorded; return the versions this process applied."""
    done: list[int] = []
    for attempt in range(1, ATTEMPTS + 1):
        try:
            await _migrate(db, directory, done)
            return done
        except Contended:
            if attempt == ATTEMPTS:
                raise
            log.info("schema_migration_collided", attempt=attempt)
            await asyncio.sleep(0.2 * attempt)
    return done


async def _migrate(db: Database, directory: Path, done: list[int]) -> None:
    applied = {row["version"] for row in await db.read("schema/applied_versions")}
    for migration in read_migrations(directory):
        if migration.version in applied:
            continue
        for statement in migration.statements:
            await db.run_schema(statement)
        await db.write("schema/record_version", version=migration.version, name=migration.name)
        log.info("schema_migrated", version=migration.version, name=migration.name)
        done.append(migration.version)
