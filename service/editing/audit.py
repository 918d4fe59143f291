"""Audit events: every change is recorded, in the transaction that makes it, with who made
it, when, what, and the state before and after. `history` reads a node's events back."""

import json
from dataclasses import dataclass
from typing import Any

from service.db.driver import Database, Transaction
from service.domain import overlap_store
from service.domain.directory import checked_id
from service.editing.keys import Editor
from service.errors import BadInput

HISTORY_MAX = 500


@dataclass(frozen=True)
class AuditEvent:
    id: str
    at: str
    actor: str
    role: str
    scope: str | None
    action: str
    targets: list[str]
    summary: str
    before: Any
    after: Any

    def changed_fields(self) -> list[str]:
        """The node properties whose value differs between before and after."""
        old = (self.before or {}).get("properties", {}) if isinstance(self.before, dict) else {}
        new = (self.after or {}).get("properties", {}) if isinstance(self.after, dict) else {}
        return sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))


def as_json(value: Any) -> str | None:
    """Dates and times as ISO text; keys sorted, so equal states give equal text."""
    return None if value is None else json.dumps(value, default=str, sort_keys=True)


def plain(value: Any) -> Any:
    """The value as JSON would give it back: dates as text, tuples as lists."""
    return json.loads(as_json(value) or "null")


@dataclass(frozen=True)
class Change:
    """One change to record: what was done, to which nodes, and the states around it."""

    action: str
    targets: list[str]
    summary: str
    before: Any
    after: Any

    def as_parameter(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "targets": self.targets,
            "summary": self.summary,
            "before": as_json(self.before),
            "after": as_json(self.after),
        }


async def record_all(tx: Transaction, editor: Editor, changes: list[Change]) -> list[str]:
    """Records the changes, in the caller's transaction; their event ids, in order. The
    changed nodes' stored overlaps are noted for rescoring in the same transaction."""
    await overlap_store.enqueue(tx, (t for c in changes for t in c.targets))
    rows = await tx.run(
        "audit/record",
        actor=editor.name,
        role=editor.role,
        scope=editor.organization,
        events=[c.as_parameter() for c in changes],
    )
    return [row["id"] for row in rows]


async def record(
    tx: Transaction,
    editor: Editor,
    action: str,
    targets: list[str],
    summary: str,
    before: Any,
    after: Any,
) -> str:
    """Records one change; the new event's id."""
    [event_id] = await record_all(tx, editor, [Change(action, targets, summary, before, after)])
    return event_id


async def history(db: Database, node_id: str, limit: int = 100) -> list[AuditEvent]:
    """The events about a node, newest first; a deleted node's events stay readable."""
    checked_id(node_id)
    if not 1 <= limit <= HISTORY_MAX:
        raise BadInput(f"first: must be between 1 and {HISTORY_MAX}")
    rows = await db.read("audit/history", id=node_id, limit=limit)
    return [_event(row) for row in rows]


def _event(row: dict[str, Any]) -> AuditEvent:
    parsed = {k: json.loads(row[k]) if row[k] else None for k in ("before", "after")}
    return AuditEvent(**{**row, **parsed})
