"""The audit trail in GraphQL: `history(id)` lists the changes to a record, newest first,
with who made each (the key's role and the organization it was scoped to; the key's own
name to reader and admin keys only) and the state before and after (a person's contact
details to admin keys only). Both depend on the caller, and say so (rights.py)."""

from typing import cast

import strawberry
from strawberry.scalars import JSON

from service.api.graphql import rights
from service.api.graphql.context import Context
from service.editing import audit

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
        description="The role of the key that made the change: editor or admin."
    )
    scope: str | None = strawberry.field(
        description="The organization the change was made for: the one the key is scoped to."
    )
    action: str = strawberry.field(
        description="create, update, retire, restore, delete, link, unlink, merge or unmerge."
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
    def of(cls, event: audit.AuditEvent, *, show_contact: bool) -> "AuditEntry":
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
            before=_without_contact(event.before, show_contact),
            after=_without_contact(event.after, show_contact),
        )


# Properties a person may have agreed to once and withdrawn since: the record shows them
# only while consent stands, and its history only to admin keys.
_PRIVATE = ("contact",)


def _without_contact(state: JSON | None, admin: bool) -> JSON | None:
    if admin or not isinstance(state, dict) or not isinstance(state.get("properties"), dict):
        return state
    kept = {k: v for k, v in state["properties"].items() if k not in _PRIVATE}
    return cast(JSON, {**state, "properties": kept})


@strawberry.type
class HistoryQuery:
    @strawberry.field(
        description="The changes to a record, newest first (deleted ones too).",
        metadata=rights.BY_CALLER,
    )
    async def history(self, info: Ctx, id: strawberry.ID, first: int = 50) -> list[AuditEntry]:
        events = await audit.history(info.context.db, str(id), first)
        caller = await info.context.reader()
        show_contact = caller is not None and caller.reads_contact_history
        return [AuditEntry.of(e, show_contact=show_contact) for e in events]
