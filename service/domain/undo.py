"""Taking back a write made in batches. A load or an import commits one batch per
transaction, so Neo4j holds one batch at a time; what each committed batch created and
what it replaced is kept here, and if a later batch fails, `run` puts every committed one
back, so the map is as it was. Batches are undone in transactions of their own too."""

from dataclasses import dataclass, field
from typing import Any

import structlog

from service.db.driver import Database, batches
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

    async def run(self, db: Database, batch_size: int) -> None:
        """Relationships first, then the records' own relationships and properties, then the
        nodes created, then the audit events; each step in batches of its own transaction.
        The caller notes `changed_ids()` for rescoring, whether this succeeds or not."""
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
