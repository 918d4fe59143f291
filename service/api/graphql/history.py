"""The audit trail in GraphQL: `history(id)` lists the changes to a record, newest first,
and `changes(since)` every change after a moment, oldest first, as a feed reads it; each
with who made it (the key's role and the organization it was scoped to; the key's own name
to reader and admin keys only) and the state before and after (a person's contact details
to admin keys only). Both depend on the caller, and say so (rights.py)."""

import asyncio
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from enum import Enum
from typing import Annotated, Any, cast

import strawberry
from strawberry.scalars import JSON

from service.api.graphql import rights
from service.api.graphql.context import Context
from service.editing import audit
from service.editing import diff as diffs

Ctx = strawberry.Info[Context, None]


async def _actor(root: "AuditEntry") -> str | None:
    return root.recorded_actor


@strawberry.type(description="One recorded change.")
class AuditEntry:
    id: strawberry.ID = strawberry.field(description="The event's id.")
    at: str = strawberry.field(description="When, as an ISO 8601 date and time (UTC).")
    # The key's name, which `actor` shows to the callers who may read it.
    recorded_actor: strawberry.Private[str]
    actor: str | None = strawberry.field(
        resolver=_actor,
        description="The name of the API key that made the change: shown to reader and "
        "admin keys only, null for everyone else.",
        extensions=[rights.only_for(rights.ReadsActors())],
    )
    role: str = strawberry.field(
        description="The role of the key that made the change: editor or admin; system for "
        "an alert the map raised itself."
    )
    scope: str | None = strawberry.field(
        description="The organization the change was made for: the one the key is scoped to."
    )
    action: str = strawberry.field(
        description="create, update, retire, restore, delete, link, relink (a relationship's "
        "properties replaced by an import), unlink, merge, unmerge, review-overlap (the "
        "secretariat's verdict on two initiatives), respond-to-review (an organization's "
        "answer to it), review-suggestion (the secretariat's word on a coordination "
        "suggestion), or an alert the map raised: alert-overlap, alert-commitment-due, "
        "alert-commitment-overdue, alert-look-alike (targets: all it concerns)."
    )
    targets: list[strawberry.ID] = strawberry.field(
        description="The ids of the records it changed."
    )
    summary: str = strawberry.field(description="What happened, in a line.")
    changed_fields: list[str] = strawberry.field(
        description="The properties whose value differs between before and after."
    )
    before: JSON | None = strawberry.field(
        description="The record as it was before (null for a creation)."
    )
    after: JSON | None = strawberry.field(
        description="The record as it was after (null for a deletion)."
    )

    @classmethod
    def of(cls, found: audit.AuditEvent, *, show_contact: bool) -> "AuditEntry":
        event = found.for_reader(show_contact)
        return cls(
            id=strawberry.ID(event.id),
            at=event.at,
            recorded_actor=event.actor,
            role=event.role,
            scope=event.scope,
            action=event.action,
            targets=[strawberry.ID(t) for t in event.targets],
            summary=event.summary,
            changed_fields=event.changed_fields(),
            before=event.before,
            after=event.after,
        )


@strawberry.type(description="A page of changes, oldest first.")
class ChangePage:
    changes: list[AuditEntry] = strawberry.field(description="The changes, oldest first.")
    end_cursor: str | None = strawberry.field(
        description="Give it as `after` to read on from the last change here (keep it to "
        "ask again later: it then gives what changed since); null if there were none."
    )
    has_more: bool = strawberry.field(description="Whether more changes follow already.")


@strawberry.enum(description="How a fact differs between the two moments.")
class FactChangeKind(Enum):
    ADDED = "ADDED"
    REMOVED = "REMOVED"
    CHANGED = "CHANGED"


@strawberry.type(description="A record or relationship that differs between two moments.")
class FactChange:
    fact: str = strawberry.field(description="The record's id, or the relationship's key.")
    change: FactChangeKind = strawberry.field(
        description="ADDED, REMOVED (deleted or retired) or CHANGED."
    )
    before: JSON | None = strawberry.field(description="It at the first moment; null: absent.")
    after: JSON | None = strawberry.field(description="It at the second moment; null: absent.")
    changed_fields: list[str] = strawberry.field(description="What differs, for a change.")
    sources: list[strawberry.ID] = strawberry.field(description="The sources it cites.")
    events: list[strawberry.ID] = strawberry.field(
        description="The audit events that changed it between the two moments."
    )


@strawberry.type(description="What changed on the map between two moments, fact by fact.")
class MapDiff:
    records: list[FactChange] = strawberry.field(description="Records added, removed, changed.")
    relationships: list[FactChange] = strawberry.field(
        description="Relationships added, removed, changed (a record's own places, themes "
        "and citations among them)."
    )
    not_taken_apart: list[str] = strawberry.field(
        description="Merges and undone merges between the moments, as their events' "
        "summaries: they move relationships the diff does not list."
    )


def _fact(c: diffs.FactChange) -> FactChange:
    return FactChange(
        fact=c.fact,
        change=FactChangeKind(c.change),
        before=cast(Any, c.before),
        after=cast(Any, c.after),
        changed_fields=c.changed_fields,
        sources=[strawberry.ID(s) for s in c.sources],
        events=[strawberry.ID(e) for e in c.events],
    )


@strawberry.type
class HistoryQuery:
    @strawberry.field(
        description="The changes to a record, newest first (deleted ones too).",
        metadata=rights.BY_CALLER,
    )
    async def history(self, info: Ctx, id: strawberry.ID, first: int = 50) -> list[AuditEntry]:
        events = await audit.history(info.context.db, str(id), first)
        show_contact = await _reads_contact(info)
        return [AuditEntry.of(e, show_contact=show_contact) for e in events]

    @strawberry.field(
        description="Every change made after `since` (edits, imports with the file and row "
        "each change came from, merges, undoings), oldest first, optionally about records of "
        "one `kind` (initiative, organization...), about one record (`id`) or of one "
        "`action`; read on with `after`, the last page's endCursor.",
        metadata=rights.BY_CALLER,
    )
    async def changes(
        self,
        info: Ctx,
        since: datetime,
        kind: str | None = None,
        id: strawberry.ID | None = None,
        action: str | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> ChangePage:
        wanted = audit.ChangeFilter(since, kind, None if id is None else str(id), action)
        found = await audit.changes(info.context.db, wanted, after=after, limit=first)
        show_contact = await _reads_contact(info)
        return ChangePage(
            changes=[AuditEntry.of(e, show_contact=show_contact) for e in found.events],
            end_cursor=found.cursor,
            has_more=found.more,
        )

    @strawberry.field(
        description="What changed on the map between two moments (times with their zone): "
        "the records and relationships added, removed and changed, each with its state at "
        "both, its sources and the events that changed it, from the audit trail. Seed "
        "loads are not in the trail; merges are named, not taken apart.",
        metadata=rights.BY_CALLER,
    )
    async def diff(
        self,
        info: Ctx,
        from_: Annotated[datetime, strawberry.argument(name="from")],
        to: datetime,
    ) -> MapDiff:
        found = await diffs.diff(
            info.context.db, from_, to, reads_contact=await _reads_contact(info)
        )
        return MapDiff(
            records=[_fact(c) for c in found.records],
            relationships=[_fact(c) for c in found.relationships],
            not_taken_apart=[summary for _, summary in found.not_taken_apart],
        )


async def _reads_contact(info: Ctx) -> bool:
    caller = await info.context.reader()
    return caller is not None and caller.reads_contact_history


@strawberry.type
class ChangeSubscription:
    @strawberry.subscription(
        description="Every change made from now (or after `since`), as it is made, oldest "
        "first, optionally about records of one `kind`, about one record (`id`) or of one "
        "`action`: the same events as `changes`, each shown as the subscriber's key may "
        "read it. Over a WebSocket (graphql-transport-ws) at /graphql; send the key as "
        "`Authorization: Bearer ...` in the connection_init payload or the upgrade's "
        "headers. New changes are looked for every CHANGES_POLL_S seconds (1 by default).",
        metadata=rights.BY_CALLER,
    )
    async def changes(
        self,
        info: Ctx,
        since: datetime | None = None,
        kind: str | None = None,
        id: strawberry.ID | None = None,
        action: str | None = None,
    ) -> AsyncGenerator[AuditEntry, None]:
        wanted = audit.ChangeFilter(
            since or datetime.now(UTC), kind, None if id is None else str(id), action
        )
        wanted.parameters()  # a filter no change can meet is refused before the stream opens
        show_contact = await _reads_contact(info)
        after = None
        while True:
            found = await audit.changes(info.context.db, wanted, after=after, limit=100)
            for event in found.events:
                yield AuditEntry.of(event, show_contact=show_contact)
            after = found.cursor
            if not found.more:
                await asyncio.sleep(info.context.settings.changes_poll_s)
