"""The audit trail in GraphQL: `history(id)` lists the changes to a record, newest first,
with who made each (the key's role and the organization it was scoped to; the key's own
name to admin keys only) and the state before and after (a person's contact details to
admin keys only)."""

from typing import cast

import strawberry
from strawberry.scalars import JSON

from service.api.graphql.context import Context
from service.editing import audit

Ctx = strawberry.Info[Context, None]


@strawberry.type(description="One recorded change.")
class AuditEntry:
    id: strawberry.ID = strawberry.field(description="The event's id.")
    at: str = strawberry.field(description="When, as an ISO 8601 date and time (UTC).")
    actor: str | None = strawberry.field(
        description="The name of the API key that made the change: shown to admin keys "
        "only, null for everyone else."
    )
    role: str = strawberry.field(
        description="The role of the key that made the change: editor or admin."
    )
    scope: str | None = strawberry.field(
        description="The organization the change was made for: the one the key is scoped to."
    )
    action: str = strawberry.field(
        description="create, update, retire, restore, delete, link, unlink or merge."
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
    def of(cls, event: audit.AuditEvent, *, show_actor: bool) -> "AuditEntry":
        return cls(
            id=strawberry.ID(event.id),
            at=event.at,
            actor=event.actor if show_actor else None,
            role=event.role,
            scope=event.scope,
            action=event.action,
            targets=[strawberry.ID(t) for t in event.targets],
            summary=event.summary,
            changed_fields=event.changed_fields(),
            before=_without_contact(event.before, show_actor),
            after=_without_contact(event.after, show_actor),
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
    @strawberry.field(description="The changes to a record, newest first (deleted ones too).")
    async def history(self, info: Ctx, id: strawberry.ID, first: int = 50) -> list[AuditEntry]:
        events = await audit.history(info.context.db, str(id), first)
        reader = await info.context.reader()
        show_actor = reader is not None and reader.is_admin
        return [AuditEntry.of(e, show_actor=show_actor) for e in events]
