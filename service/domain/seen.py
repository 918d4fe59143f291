"""Where imports saw a fact (row-level provenance, written by service/interchange/seen.py):
for a record or a relationship, each file that brought or confirmed it, the rows (or IATI
activity) saying it, its text as written, and when it was first and last seen. A fact the
file's latest import left out is "not seen since" its last sighting."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from service.db.driver import Database


@dataclass(frozen=True)
class Sighting:
    """One fact in one file, over every import of that file."""

    file: str
    where: list[str]
    activity: str | None
    original: dict[str, list[str]]
    first_seen: datetime
    last_seen: datetime
    times: int
    file_first_imported: datetime
    file_last_imported: datetime
    file_imports: int

    @property
    def not_seen_since(self) -> datetime | None:
        """Its last sighting, where a later import of its file no longer has it."""
        return self.last_seen if self.last_seen < self.file_last_imported else None

    @classmethod
    def of(cls, row: dict[str, Any]) -> "Sighting":
        return cls(
            file=row["file"],
            where=list(row["where"] or []),
            activity=row["activity"],
            original=json.loads(row["original"]) if row["original"] else {},
            first_seen=_time(row["first_seen"]),
            last_seen=_time(row["last_seen"]),
            times=int(row["times"]),
            file_first_imported=_time(row["file_first_imported"]),
            file_last_imported=_time(row["file_last_imported"]),
            file_imports=int(row["file_imports"]),
        )


def _time(value: Any) -> datetime:
    """A stored datetime as Python's (Neo4j's driver gives its own type)."""
    return value.to_native() if hasattr(value, "to_native") else value  # type: ignore[no-any-return]


async def sightings(db: Database, facts: list[tuple[str, str]]) -> list[list[Sighting]]:
    """For each (node, fact) asked, in order, where it was seen, by file name: a record's
    fact is its id; a relationship's node is its start and its fact its key."""
    rows = await db.read("seen/of_facts", facts=[{"node": n, "fact": f} for n, f in facts])
    return [[Sighting.of(seen) for seen in row["seen"]] for row in rows]
