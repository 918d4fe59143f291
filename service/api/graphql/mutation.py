"""The mutations. Each authenticates the caller, turns its input into a checked draft and
hands it to `service/editing`; none runs Cypher itself. Every one needs an API key sent as
a bearer token; refusals come back as UNAUTHENTICATED, FORBIDDEN, CONFLICT or
BAD_USER_INPUT (with `extensions.problems` naming each field)."""

from typing import Annotated

import strawberry

from service.api.graphql import edit_inputs as ei
from service.api.graphql.context import Context
from service.api.graphql.types import (
    ActionGroup,
    Event,
    Initiative,
    MapNode,
    Organization,
    Source,
    node_of,
)
from service.domain.records import MapRecord
from service.editing import changes, drafts, merges, relationships
from service.editing.changes import Outcome

Ctx = strawberry.Info[Context, None]


@strawberry.type(description="An organization already on the map that a new one may duplicate.")
class DuplicateCandidate:
    id: strawberry.ID
    name: str
    score: float = strawberry.field(description="100 for the same name, less for a near match.")
    reason: str


@strawberry.type(
    description="A new organization, or, if its name is close to ones on the map, those "
    "candidates and no organization (nothing was written; send confirmNew: true to create "
    "it anyway, or merge)."
)
class OrganizationCreation:
    organization: Organization | None
    possible_duplicates: list[DuplicateCandidate]


@strawberry.type(description="A relationship added or removed, and the audit event recording it.")
class RelationshipChange:
    from_: strawberry.ID = strawberry.field(name="from")
    type: str
    to: strawberry.ID
    audit_event_id: str


@strawberry.type(description="A deleted record's id and the audit event recording it.")
class Deletion:
    id: strawberry.ID
    audit_event_id: str


async def _create(info: Ctx, kind: str, given: object, confirm_new: bool = True) -> Outcome:
    editor = await info.context.editor()
    draft = drafts.parse(drafts.DRAFTS[kind], ei.as_dict(given))
    return await changes.create(info.context.db, editor, draft, confirm_new=confirm_new)


async def _update(
    info: Ctx, kind: str, id: strawberry.ID, version: int, given: object
) -> MapRecord:
    editor = await info.context.editor()
    draft = drafts.parse(drafts.DRAFTS[kind], ei.as_dict(given))
    outcome = await changes.update(info.context.db, editor, str(id), version, draft)
    return _record(outcome)


def _record(outcome: Outcome) -> MapRecord:
    assert outcome.record is not None  # only a held-back new organization has none
    return outcome.record


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Registers an organization, unless it looks like a duplicate.")
    async def create_organization(
        self, info: Ctx, input: ei.OrganizationInput, confirm_new: bool = False
    ) -> OrganizationCreation:
        outcome = await _create(info, "organization", input, confirm_new)
        return OrganizationCreation(
            organization=Organization.of(outcome.record) if outcome.record else None,
            possible_duplicates=[
                DuplicateCandidate(
                    id=strawberry.ID(c.id), name=c.name, score=c.score, reason=c.reason
                )
                for c in outcome.possible_duplicates
            ],
        )

    @strawberry.mutation
    async def update_organization(
        self, info: Ctx, id: strawberry.ID, version: int, input: ei.OrganizationInput
    ) -> Organization:
        return Organization.of(await _update(info, "organization", id, version, input))

    @strawberry.mutation
    async def create_initiative(self, info: Ctx, input: ei.InitiativeInput) -> Initiative:
        return Initiative.of(_record(await _create(info, "initiative", input)))

    @strawberry.mutation
    async def update_initiative(
        self, info: Ctx, id: strawberry.ID, version: int, input: ei.InitiativeInput
    ) -> Initiative:
        return Initiative.of(await _update(info, "initiative", id, version, input))

    @strawberry.mutation
    async def create_action_group(self, info: Ctx, input: ei.ActionGroupInput) -> ActionGroup:
        return ActionGroup.of(_record(await _create(info, "action-group", input)))

    @strawberry.mutation
    async def update_action_group(
        self, info: Ctx, id: strawberry.ID, version: int, input: ei.ActionGroupInput
    ) -> ActionGroup:
        return ActionGroup.of(await _update(info, "action-group", id, version, input))

    @strawberry.mutation
    async def create_event(self, info: Ctx, input: ei.EventInput) -> Event:
        return Event.of(_record(await _create(info, "event", input)))

    @strawberry.mutation
    async def update_event(
        self, info: Ctx, id: strawberry.ID, version: int, input: ei.EventInput
    ) -> Event:
        return Event.of(await _update(info, "event", id, version, input))

    @strawberry.mutation
    async def create_source(self, info: Ctx, input: ei.SourceInput) -> Source:
        return Source.of(_record(await _create(info, "source", input)))

    @strawberry.mutation
    async def update_source(
        self, info: Ctx, id: strawberry.ID, version: int, input: ei.SourceInput
    ) -> Source:
        return Source.of(await _update(info, "source", id, version, input))

    @strawberry.mutation(
        description="Takes a record off the map but keeps it and its history; "
        "includeRetired shows it again."
    )
    async def retire(self, info: Ctx, id: strawberry.ID, version: int) -> MapNode:
        editor = await info.context.editor()
        outcome = await changes.retire(info.context.db, editor, str(id), version)
        return node_of(_record(outcome))  # type: ignore[no-any-return]

    @strawberry.mutation(description="Puts a retired record back on the map.")
    async def restore(self, info: Ctx, id: strawberry.ID, version: int) -> MapNode:
        editor = await info.context.editor()
        outcome = await changes.restore(info.context.db, editor, str(id), version)
        return node_of(_record(outcome))  # type: ignore[no-any-return]

    @strawberry.mutation(description="Deletes a record for good. Admin keys only.")
    async def delete(self, info: Ctx, id: strawberry.ID, version: int) -> Deletion:
        editor = await info.context.editor()
        event_id = await changes.delete(info.context.db, editor, str(id), version)
        return Deletion(id=id, audit_event_id=event_id)

    @strawberry.mutation
    async def add_relationship(self, info: Ctx, input: ei.RelationshipInput) -> RelationshipChange:
        editor = await info.context.editor()
        draft = drafts.parse(relationships.RelationshipDraft, ei.as_dict(input))
        change = await relationships.add(info.context.db, editor, draft)
        return _relationship_change(change)

    @strawberry.mutation
    async def remove_relationship(
        self,
        info: Ctx,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        type: str,
        to: strawberry.ID,
    ) -> RelationshipChange:
        editor = await info.context.editor()
        change = await relationships.remove(info.context.db, editor, str(from_), type, str(to))
        return _relationship_change(change)

    @strawberry.mutation(
        description="Moves every relationship of `duplicate` onto `survivor`, then retires "
        "`duplicate`, marked as merged into it. Each id comes with the version read."
    )
    async def merge_organizations(
        self,
        info: Ctx,
        survivor: strawberry.ID,
        survivor_version: int,
        duplicate: strawberry.ID,
        duplicate_version: int,
    ) -> Organization:
        editor = await info.context.editor()
        outcome = await merges.merge_organizations(
            info.context.db,
            editor,
            (str(survivor), survivor_version),
            (str(duplicate), duplicate_version),
        )
        return Organization.of(_record(outcome))


def _relationship_change(change: relationships.LinkChange) -> RelationshipChange:
    return RelationshipChange(
        from_=strawberry.ID(change.from_id),
        type=change.type,
        to=strawberry.ID(change.to_id),
        audit_event_id=change.event_id,
    )
