"""Audit events: every change is recorded, in the transaction that makes it, with who made
it, when, what, and the state before and after. `history` reads a node's events back."""

import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import orjson

from service.db.driver import Database, Transaction
from service.domain import overlap_store
from service.domain.directory import checked_id
from service.domain.pagination import decode_key_cursor, key_cursor
from service.editing.keys import Editor
from service.errors import BadInput
from service.model.ids import LABELS

HISTORY_MAX = 500
ACTIONS = (
    "create",
    "update",
    "retire",
    "restore",
    "delete",
    "link",
    "relink",  # an import's new properties for a relationship already on the map
    "unlink",
    "merge",
    "unmerge",
    "review-overlap",  # service/editing/overlap_reviews.py
    "respond-to-review",
    "review-suggestion",  # service/editing/suggestion_reviews.py
    # Raised by the map itself (service/editing/alerts.py), one action per kind of alert.
    "alert-overlap",
    "alert-commitment-due",
    "alert-commitment-overdue",
    "alert-look-alike",
    "alert-stale",
)
# Properties a person may have agreed to once and withdrawn since: a record shows them only
# while consent stands, and its history only to the keys that read contact history.
PRIVATE = ("contact",)


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

    def for_reader(self, reads_contact: bool) -> "AuditEvent":
        """The event as a caller may read it: without a person's contact details unless
        the caller's key reads contact history."""
        if reads_contact:
            return self
        return replace(
            self, before=_without_private(self.before), after=_without_private(self.after)
        )

    def changed_fields(self) -> list[str]:
        """The node properties whose value differs between before and after."""
        old = (self.before or {}).get("properties", {}) if isinstance(self.before, dict) else {}
        new = (self.after or {}).get("properties", {}) if isinstance(self.after, dict) else {}
        return sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))


# Dates and times go through str(), as json.dumps(default=str) wrote them before orjson
# (an import writes an event per fact, and json was a tenth of its Python time).
_JSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS


def as_json(value: Any) -> str | None:
    """Dates and times as ISO text; keys sorted, so equal states give equal text."""
    if value is None:
        return None
    return orjson.dumps(value, default=str, option=_JSON_OPTIONS).decode()


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
    rows = await db.read("audit/history", id=node_id, limit=_checked_limit(limit))
    return [_event(row) for row in rows]


@dataclass(frozen=True)
class ChangeFilter:
    """Which changes a feed asks for: those after `since` (a time with its zone), about a
    record of one kind, about one record, of one action (None: any)."""

    since: datetime
    kind: str | None = None
    record: str | None = None
    action: str | None = None

    def parameters(self) -> dict[str, Any]:
        """As cypher/audit/matching.inc names them; BadInput for what no change can be."""
        if self.since.tzinfo is None:
            raise BadInput("since: give a time zone (2026-01-01T00:00:00Z), not a local time")
        if self.kind is not None and self.kind not in LABELS:
            raise BadInput(f"kind: '{self.kind}' is not one of {', '.join(sorted(LABELS))}")
        if self.action is not None and self.action not in ACTIONS:
            raise BadInput(f"action: '{self.action}' is not one of {', '.join(ACTIONS)}")
        if self.record is not None:
            checked_id(self.record)
        return {"since": self.since, "kind": self.kind, "id": self.record, "action": self.action}


@dataclass(frozen=True)
class Changes:
    events: list[AuditEvent]
    more: bool  # further events follow the last one
    cursor: str | None  # where the next page starts; None if there are no events


async def changes(
    db: Database, wanted: ChangeFilter, *, after: str | None = None, limit: int = 50
) -> Changes:
    """The events `wanted` picks after the cursor `after` (if given), oldest first."""
    parameters = wanted.parameters()
    after_at, after_id = _after(after) if after else (None, None)
    rows = await db.read(
        "audit/changes",
        **parameters,
        afterAt=after_at,
        afterId=after_id,
        limit=_checked_limit(limit) + 1,
    )
    events = [_event(row) for row in rows[:limit]]
    cursor = event_cursor(events[-1]) if events else after
    return Changes(events, len(rows) > limit, cursor)


async def between(db: Database, since: datetime, until: datetime) -> list[AuditEvent]:
    """Every event after `since` and up to `until`, oldest first (read a page at a time)."""
    for moment, name in ((since, "from"), (until, "to")):
        if moment.tzinfo is None:
            raise BadInput(f"{name}: give a time zone (2026-01-01T00:00:00Z), not a local time")
    found: list[AuditEvent] = []
    after_at, after_id = None, None
    while True:
        rows = await db.read(
            "audit/between",
            since=since,
            until=until,
            afterAt=after_at,
            afterId=after_id,
            limit=HISTORY_MAX,
        )
        found += [_event(row) for row in rows]
        if len(rows) < HISTORY_MAX:
            return found
        after_at, after_id = found[-1].at, found[-1].id


def event_cursor(event: AuditEvent) -> str:
    """The cursor that reads on after the event."""
    return key_cursor(event.at, event.id)


async def newest_changes(db: Database, wanted: ChangeFilter, limit: int = 50) -> list[AuditEvent]:
    """The newest `limit` events `wanted` picks, newest first: a feed reader's page."""
    parameters = wanted.parameters()
    rows = await db.read("audit/newest_changes", **parameters, limit=_checked_limit(limit))
    return [_event(row) for row in rows]


def _checked_limit(limit: int) -> int:
    if not 1 <= limit <= HISTORY_MAX:
        raise BadInput(f"first: must be between 1 and {HISTORY_MAX}")
    return limit


def _after(cursor: str) -> tuple[str, str]:
    """The time and id of the event a page of changes ended at."""
    at, event_id = decode_key_cursor(cursor, 2)
    try:
        datetime.fromisoformat(at)
    except ValueError:
        raise BadInput(f"'after' is not a cursor this API gave out: {cursor!r}") from None
    return at, event_id


def _without_private(state: Any) -> Any:
    if not isinstance(state, dict) or not isinstance(state.get("properties"), dict):
        return state
    kept = {k: v for k, v in state["properties"].items() if k not in PRIVATE}
    return {**state, "properties": kept}


def _event(row: dict[str, Any]) -> AuditEvent:
    parsed = {k: json.loads(row[k]) if row[k] else None for k in ("before", "after")}
    return AuditEvent(**{**row, **parsed})
