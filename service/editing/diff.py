"""What changed on the map between two moments, fact by fact, from the audit trail: the
records and relationships added, removed (deleted or retired) and changed, each with
its state at both moments, the sources it cites and the events that changed it. A fact
changed and changed back between the two moments is not listed.

A record event (created, updated, deleted, retired, restored, by an edit or an import)
holds the record's properties and its own relationships (citations, places, themes...)
before and after. A relationship event (link, unlink, relink) holds the relationship.
Merges and their undoing move relationships between records, and their events do not hold
them all, so they are listed as such, not taken apart into facts. Seed loads are not
audited, so a reload shows in no diff."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from service.db.driver import Database
from service.editing import audit
from service.errors import BadInput

RECORD_ACTIONS = frozenset({"create", "update", "delete", "retire", "restore"})
_SUBJECT = re.compile(r"^(?:created|updated|deleted|retired|restored) (\S+?)(?:,|\s|$)")
CITES = "CITED_IN"
Value = dict[str, Any] | None


@dataclass(frozen=True)
class FactChange:
    fact: str  # a record's id, or a relationship's key
    change: str  # ADDED, REMOVED or CHANGED
    before: Value
    after: Value
    changed_fields: list[str]
    sources: list[str]
    events: list[str]


@dataclass(frozen=True)
class MapDiff:
    records: list[FactChange]
    relationships: list[FactChange]
    # Events the diff does not take apart (merges and their undoing), as id and summary.
    not_taken_apart: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Trail:
    first: dict[str, Value] = field(default_factory=dict)
    last: dict[str, Value] = field(default_factory=dict)
    events: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sources: dict[str, list[str]] = field(default_factory=dict)

    def saw(self, fact: str, before: Value, after: Value, event: str) -> None:
        self.first.setdefault(fact, before)
        self.last[fact] = after
        self.events[fact].append(event)

    def changes(self) -> list[FactChange]:
        found = []
        for fact, before in self.first.items():
            after = self.last[fact]
            if before == after:
                continue
            change = "ADDED" if before is None else "REMOVED" if after is None else "CHANGED"
            found.append(
                FactChange(
                    fact,
                    change,
                    before,
                    after,
                    _changed_fields(before, after),
                    self.sources.get(fact) or _cited(after or before),
                    self.events[fact],
                )
            )
        return sorted(found, key=lambda c: c.fact)


async def diff(db: Database, since: datetime, until: datetime, *, reads_contact: bool) -> MapDiff:
    """The facts that differ between `since` and `until` (a contact detail only for a
    caller whose key reads them)."""
    events = await audit.between(db, since, until)  # refuses a time without a zone
    if until <= since:
        raise BadInput("to: must come after from")
    records, links, skipped = _Trail(), _Trail(), []
    for found in events:
        event = found.for_reader(reads_contact)
        if event.action in RECORD_ACTIONS and (subject := subject_of(event)):
            _record_event(records, links, subject, event)
        elif event.action in ("link", "unlink", "relink"):
            _link_event(links, event)
        elif event.action in ("merge", "unmerge"):
            skipped.append((event.id, event.summary))
    return MapDiff(records.changes(), links.changes(), skipped)


def subject_of(event: audit.AuditEvent) -> str | None:
    """The record a record event is about."""
    matched = _SUBJECT.match(event.summary)
    if matched:
        return matched.group(1)
    return event.targets[0] if len(event.targets) == 1 else None


def _record_event(records: _Trail, links: _Trail, subject: str, event: audit.AuditEvent) -> None:
    before, after = _state(event.before), _state(event.after)
    records.saw(subject, _standing(before), _standing(after), event.id)
    records.sources[subject] = _cited_in(after or before)
    own_before = {r["key"]: r for r in (before or {}).get("relationships", [])}
    own_after = {r["key"]: r for r in (after or {}).get("relationships", [])}
    for key in own_before.keys() | own_after.keys():
        if own_before.get(key) != own_after.get(key):
            links.saw(key, own_before.get(key), own_after.get(key), event.id)


def _state(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) and "properties" in value else None


def _standing(state: dict[str, Any] | None) -> Value:
    """A record's properties, or None when it is not on the map (absent or retired)."""
    if state is None or "retired" in state["properties"]:
        return None
    properties: dict[str, Any] = state["properties"]
    return properties


def _cited_in(state: dict[str, Any] | None) -> list[str]:
    return sorted({r["to"] for r in (state or {}).get("relationships", []) if r["type"] == CITES})


def _link_event(links: _Trail, event: audit.AuditEvent) -> None:
    after = _flat(event.after)
    before = _flat(event.before, ends=after)
    key = (after or before or {}).get("key")
    if key:
        links.saw(str(key), before, after, event.id)


def _flat(link: Any, ends: Value = None) -> Value:
    """A relationship as record states list them: its ends and type, then its properties.
    An import's relink keeps only the earlier properties; their ends are the later's."""
    if not isinstance(link, dict):
        return None
    if "props" in link:
        return {"from": link["from"], "type": link["type"], "to": link["to"], **link["props"]}
    if ends is not None:
        return {**{k: ends[k] for k in ("from", "type", "to")}, **link}
    return None


def _changed_fields(before: Value, after: Value) -> list[str]:
    if before is None or after is None:
        return []
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def _cited(value: Value) -> list[str]:
    """A relationship's source: the one it names, or, for a citation, the one it is."""
    value = value or {}
    source = value.get("to") if value.get("type") == CITES else value.get("source")
    return [str(source)] if source else []
