"""Migrations applied by two processes at once, as the server's workers do at start-up:
both start, and each migration is recorded once."""

import asyncio
import shutil
from pathlib import Path

from service.config import Settings
from service.db.driver import Database
from service.db.migrations import migrate
from service.db.runtime import open_database
from tests.conftest import run_db

ROUNDS = 3


def _with_new_migration(tmp_path: Path, settings: Settings, version: int) -> Path:
    folder = tmp_path / f"migrations-{version}"
    shutil.copytree(settings.cypher_dir / "migrations", folder)
    label = f"ConcurrencyProbe{version}"
    statements = [
        f"CREATE INDEX probe_{version}_{n} IF NOT EXISTS FOR (p:{label}) ON (p.field{n})"
        for n in range(3)
    ]
    (folder / f"{version}_concurrent_probe.cypher").write_text(
        "// A migration two processes apply at once (tests only).\n" + ";\n".join(statements)
    )
    return folder


def test_two_processes_migrating_at_once_both_start(seeded: Settings, tmp_path: Path) -> None:
    async def race(folder: Path) -> tuple[list[int], list[int], list[int]]:
        async with (
            open_database(seeded, migrate_schema=False) as one,
            open_database(seeded, migrate_schema=False) as two,
        ):
            first, second = await asyncio.gather(migrate(one, folder), migrate(two, folder))
            recorded = [row["version"] for row in await one.read("schema/applied_versions")]
            return first, second, recorded

    async def applied(db: Database) -> set[int]:
        return {row["version"] for row in await db.read("schema/applied_versions")}

    # Versions no earlier run on this database recorded (a developer's Neo4j lives on).
    taken = run_db(seeded, applied)
    for version in [v for v in range(9000, 10000) if v not in taken][:ROUNDS]:
        first, second, recorded = asyncio.run(race(_with_new_migration(tmp_path, seeded, version)))
        # Neither failed; each ran the migration or found it run, and it is recorded once.
        assert version in first + second
        assert recorded.count(version) == 1
