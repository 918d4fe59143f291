"""The mutations. Each authenticates the caller, turns its input into a checked draft and
hands it to `service/editing`; none runs Cypher itself. Every one needs an API key whose
role writes (editor or admin; a reader key is refused), sent as a bearer token; refusals
come back as UNAUTHENTICATED, FORBIDDEN, CONFLICT or BAD_USER_INPUT (with
`extensions.problems` naming each field)."""

from typing import Annotated, Any

import strawberry

from service.api.graphql import edit_inputs as ei
from service.api.graphql.context import Context
from service.api.graphql.nodes import TYPES, node_of
from service.api.graphql.types import MapNode, Organization
from service.editing import changes, merges, permissions, relationships
from service.editing.changes import Outcome
from service.editing.keys import Editor
from service.model import kinds as drafts
from service.model.kinds import EDITED_KINDS
from service.model.records import MapRecord

Ctx = strawberry.Info[Context, None]


@strawberry.type(description="An organization already on the map that a new one may duplicate.")
class DuplicateCandidate:
    id: strawberry.ID = strawberry.field(
        description="The id of the organization already on the map."
    )
    name: str = strawberry.field(description="Its name.")
    score: float = strawberry.field(description="100 for the same name, less for a near match.")
    reason: str = strawberry.field(
        description="Why it may be the same: same name, acronym, initials or spelling."
    )


@strawberry.type(
    description="A new organization, or, if its name is close to ones on the map, those "
    "candidates and no organization (nothing was written; send confirmNew: true to create "
    "it anyway, or merge)."
)
class OrganizationCreation:
    organization: Organization | None = strawberry.field(
        description="The new organization; null if it was held back as a likely duplicate."
    )
    possible_duplicates: list[DuplicateCandidate] = strawberry.field(
        description="Organizations on the map its name is close to."
    )


@strawberry.type(description="A relationship added or removed, and the audit event recording it.")
class RelationshipChange:
    from_: strawberry.ID = strawberry.field(name="from", description="The id it starts at.")
    type: str = strawberry.field(description="The relationship type.")
    to: strawberry.ID = strawberry.field(description="The id it points to.")
    audit_event_id: str = strawberry.field(
        description="The id of the audit event that records the change."
    )


@strawberry.type(description="A deleted record's id and the audit event recording it.")
class Deletion:
    id: strawberry.ID = strawberry.field(description="The id of the deleted record.")
    audit_event_id: str = strawberry.field(
        description="The id of the audit event that records the deletion."
    )


async def _writer(info: Ctx) -> Editor:
    """The key behind the request, if its role writes at all: a reader key is refused
    before its input is read. Each change then checks the key's rights over what it
    touches (service/editing/permissions.py)."""
    editor = await info.context.editor()
    permissions.may_write(editor)
    return editor


async def _create(info: Ctx, kind: str, given: object, confirm_new: bool = True) -> Outcome:
    editor = await _writer(info)
    draft = drafts.parse(drafts.DRAFTS[kind], ei.as_dict(given))
    return await changes.create(info.context.db, editor, draft, confirm_new=confirm_new)


async def _update(
    info: Ctx, kind: str, id: strawberry.ID, version: int, given: object
) -> MapRecord:
    editor = await _writer(info)
    draft = drafts.parse(drafts.DRAFTS[kind], ei.as_dict(given))
    outcome = await changes.update(info.context.db, editor, str(id), version, draft)
    return _record(outcome)


def _record(outcome: Outcome) -> MapRecord:
    assert outcome.record is not None  # only a held-back new organization has none
    return outcome.record


# The kinds whose create and update mutations are made alike (organizations are created
# by `createOrganization`, which may hold a likely duplicate back).
_RECORD_TYPES: dict[str, Any] = {kind: TYPES[kind] for kind in EDITED_KINDS}


def _words(kind: str) -> str:
    return kind.replace("-", " ")


def _create_mutation(kind: str, output: Any) -> Any:
    async def create(self: Any, info: Ctx, input: Any) -> Any:
        return output.of(_record(await _create(info, kind, input)))

    create.__annotations__ = {"info": Ctx, "input": ei.INPUTS[kind], "return": output}
    return strawberry.mutation(
        resolver=create, description=f"Adds a new {_words(kind)} to the map."
    )


def _update_mutation(kind: str, output: Any) -> Any:
    async def update(self: Any, info: Ctx, id: strawberry.ID, version: int, input: Any) -> Any:
        return output.of(await _update(info, kind, id, version, input))

    update.__annotations__ = {
        "info": Ctx,
        "id": strawberry.ID,
        "version": int,
        "input": ei.INPUTS[kind],
        "return": output,
    }
    return strawberry.mutation(
        resolver=update,
        description=f"Replaces the fields of one {_words(kind)}; `version` is the one read.",
    )


def _record_mutations() -> Any:
    """createX and updateX for every kind in `_RECORD_TYPES`."""
    fields: dict[str, Any] = {}
    for kind, output in _RECORD_TYPES.items():
        name = kind.replace("-", "_")
        if kind != "organization":
            fields[f"create_{name}"] = _create_mutation(kind, output)
        fields[f"update_{name}"] = _update_mutation(kind, output)
    return strawberry.type(type("RecordMutations", (), fields))


@strawberry.type(description="Every change to the map. Each needs an API key.")
class Mutation(_record_mutations()):  # type: ignore[misc]
    @strawberry.mutation(description="Registers an organization, unless it looks like a duplicate.")
    async def create_organization(
        self,
        info: Ctx,
        input: ei.OrganizationInput,  # type: ignore[valid-type]
        confirm_new: bool = False,
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

    @strawberry.mutation(
        description="Takes a record off the map but keeps it and its history; "
        "includeRetired shows it again."
    )
    async def retire(self, info: Ctx, id: strawberry.ID, version: int) -> MapNode:
        editor = await _writer(info)
        outcome = await changes.retire(info.context.db, editor, str(id), version)
        return node_of(_record(outcome))  # type: ignore[no-any-return]

    @strawberry.mutation(description="Puts a retired record back on the map.")
    async def restore(self, info: Ctx, id: strawberry.ID, version: int) -> MapNode:
        editor = await _writer(info)
        outcome = await changes.restore(info.context.db, editor, str(id), version)
        return node_of(_record(outcome))  # type: ignore[no-any-return]

    @strawberry.mutation(description="Deletes a record for good. Admin keys only.")
    async def delete(self, info: Ctx, id: strawberry.ID, version: int) -> Deletion:
        editor = await _writer(info)
        event_id = await changes.delete(info.context.db, editor, str(id), version)
        return Deletion(id=id, audit_event_id=event_id)

    @strawberry.mutation(description="Adds a relationship between two records, with its source.")
    async def add_relationship(self, info: Ctx, input: ei.RelationshipInput) -> RelationshipChange:
        editor = await _writer(info)
        draft = drafts.parse(relationships.RelationshipDraft, ei.as_dict(input))
        change = await relationships.add(info.context.db, editor, draft)
        return _relationship_change(change)

    @strawberry.mutation(description="Removes a relationship between two records.")
    async def remove_relationship(
        self,
        info: Ctx,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        type: str,
        to: strawberry.ID,
        which: Annotated[
            str | None,
            strawberry.argument(
                description="For a type a record may hold several of towards one other (a "
                "person's seats on one body, SEATED; a country's statuses, COUNTRY_STATUS): "
                "the seat or status of the one to remove. Needed where there are several."
            ),
        ] = None,
    ) -> RelationshipChange:
        editor = await _writer(info)
        change = await relationships.remove(
            info.context.db, editor, str(from_), type, str(to), which
        )
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
        editor = await _writer(info)
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
