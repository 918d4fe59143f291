"""Taking back a write made in batches. A load or an import commits one batch per
transaction, so Neo4j holds one batch at a time; what each committed batch created and
what it replaced is kept here, and if a later batch fails, `run` puts every committed one
back, so the map is as it was. Batches are undone in transactions of their own too.

An import also keeps each batch's undo in the database, as text written in the batch's own
transaction (`as_text`), so that another process can take the batches of a killed import
back, one at a time, each in one transaction (`from_text`, `undo_in`)."""

import json
from dataclasses import dataclass, field
from typing import Any

import neo4j.time
import structlog

from service.db.driver import Database, Transaction, batches
from service.domain import overlap_store

log = structlog.get_logger(__name__)


@dataclass
class Undo:
    """What committed batches did, to take it back."""

    nodes_created: list[str] = field(default_factory=list)
    # {id, before}: the properties a changed node had.
    nodes_updated: list[dict[str, Any]] = field(default_factory=list)
    # {id, types, rows}: a changed record's own relationships of the types it replaced.
    links_replaced: list[dict[str, Any]] = field(default_factory=list)
    # {from, type, to, key}, and {from, type, to, key, before} for a changed one.
    links_created: list[dict[str, Any]] = field(default_factory=list)
    links_updated: list[dict[str, Any]] = field(default_factory=list)
    # The audit events the batches recorded.
    events: list[str] = field(default_factory=list)
    # {node, fact, file, before}: the provenance each batch wrote (before: what the fact's
    # SEEN_IN held, None where the batch added it); {name, before}: the files it noted.
    seen: list[dict[str, Any]] = field(default_factory=list)
    seen_files: list[dict[str, Any]] = field(default_factory=list)

    def changed_ids(self) -> set[str]:
        """What the batches changed, for overlap rescoring; a change to the places' regions
        asks for a rescore of the whole map."""
        ids = set(self.nodes_created) | {n["id"] for n in self.nodes_updated}
        for link in self.links_created + self.links_updated:
            ids |= {link["from"], link["to"]}
            if link["type"] == "IN_REGION":
                ids.add(overlap_store.EVERYTHING)
        return ids

    def add(self, other: "Undo") -> None:
        """Keeps a batch's undo once its transaction has committed."""
        for name in self.__dataclass_fields__:
            getattr(self, name).extend(getattr(other, name))

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)

    def as_text(self) -> str:
        """The undo as JSON, with the database's dates and times tagged so that `from_text`
        gives back values of the same type (a restored date stays a date)."""
        kept = {name: _tagged(getattr(self, name)) for name in self.__dataclass_fields__}
        return json.dumps(kept, separators=(",", ":"))

    @classmethod
    def from_text(cls, text: str) -> "Undo":
        return cls(**json.loads(text, object_hook=_untagged))

    async def undo_in(self, tx: Transaction) -> None:
        """Takes back one batch in the caller's transaction, in the order `run` takes back
        many: relationships, the records' own relationships and properties, the records
        created, then the audit events; provenance first, as it names the records."""
        await tx.run("imports/unsee", seen=self.seen, files=self.seen_files)
        await tx.run("seed/undo_links", created=self.links_created, updated=self.links_updated)
        await tx.run("seed/undo_nodes", created=[], updated=self.nodes_updated)
        await tx.run("edits/replace_links", nodes=self.links_replaced)
        await tx.run("seed/undo_nodes", created=self.nodes_created, updated=[])
        await tx.run("audit/forget", ids=self.events)

    async def run(self, db: Database, batch_size: int) -> None:
        """Relationships first, then the records' own relationships and properties, then the
        nodes created, then the audit events; each step in batches of its own transaction.
        The caller notes `changed_ids()` for rescoring, whether this succeeds or not."""
        # Newest first: a fact seen in two batches is put back to what the first found.
        for seen in batches(self.seen[::-1], batch_size):
            await db.write("imports/unsee", seen=list(seen), files=[])
        for files in batches(self.seen_files[::-1], batch_size):
            await db.write("imports/unsee", seen=[], files=list(files))
        for batch in batches(self.links_created, batch_size):
            await db.write("seed/undo_links", created=list(batch), updated=[])
        for batch in batches(self.links_updated, batch_size):
            await db.write("seed/undo_links", created=[], updated=list(batch))
        for batch in batches(self.nodes_updated, batch_size):
            await db.write("seed/undo_nodes", created=[], updated=list(batch))
        for batch in batches(self.links_replaced, batch_size):
            await db.write("edits/replace_links", nodes=list(batch))
        for created in batches(self.nodes_created, batch_size):
            await db.write("seed/undo_nodes", created=list(created), updated=[])
        for events in batches(self.events, batch_size):
            await db.write("audit/forget", ids=list(events))
        log.warning(
            "batches_undone",
            nodes_deleted=len(self.nodes_created),
            nodes_restored=len(self.nodes_updated),
            relationships_deleted=len(self.links_created),
            relationships_restored=len(self.links_updated) + len(self.links_replaced),
            events_forgotten=len(self.events),
        )


async def note_changed(db: Database, ids: set[str]) -> None:
    """What committed batches wrote (or what was undone) changed: its overlaps are scored
    again before the next read. Should that note itself fail, the write's own outcome
    stands, and the failure is logged."""
    try:
        await overlap_store.note_changed(db, ids)
    except Exception:
        log.exception("overlap_note_failed", nodes=len(ids))


# The value types a node or relationship property may hold beyond JSON's, by tag.
_TIMES: dict[str, Any] = {
    "date": neo4j.time.Date,
    "datetime": neo4j.time.DateTime,
    "time": neo4j.time.Time,
    "duration": neo4j.time.Duration,
}


def _tagged(value: Any) -> Any:
    """The value with its dates and times tagged; walked by hand, because JSON would write
    a duration (a tuple) as a plain list."""
    for tag, kind in _TIMES.items():
        if type(value) is kind:
            return {"$" + tag: value.iso_format()}
    if isinstance(value, dict):
        return {key: _tagged(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_tagged(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    # Anything else (a spatial point, say) is refused: the batch is not written rather
    # than written with an undo that would not give it back.
    raise TypeError(f"an undo cannot keep a {type(value).__name__}")


def _untagged(value: dict[str, Any]) -> Any:
    if len(value) == 1:
        [(key, text)] = value.items()
        if key.startswith("$") and key[1:] in _TIMES:
            return _TIMES[key[1:]].from_iso_format(text)
    return value
