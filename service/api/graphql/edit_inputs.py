"""What editors send: one input per kind of record, made from its draft in
`service.model.kinds` (strawberry's pydantic integration), and one for a relationship. The
draft then checks what arrives; these types only give it a GraphQL shape. Fields that hold
map ids are GraphQL IDs; ids that name countries take ISO 3166 codes (ARG or AR) and SDG
targets take their code (8.7)."""

from dataclasses import asdict
from enum import Enum
from typing import Any, get_args, get_origin

import strawberry
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from strawberry.experimental import pydantic as strawberry_pydantic

from service.api.graphql import inputs  # noqa: F401  (registers the value lists as enums)
from service.api.graphql.inputs import (
    CommitmentStatus,
    CountryStatus,
    FactBasis,
    MembershipStanding,
)
from service.model import kinds
from service.model.fields import MapId

_MAP_ID_CHECK = get_args(MapId)[1]


def _is_map_id(annotation: Any, metadata: list[Any]) -> bool:
    return _MAP_ID_CHECK in metadata or _MAP_ID_CHECK in get_args(annotation)[1:]


def _graphql_annotation(info: FieldInfo) -> Any | None:
    """strawberry.ID for fields that hold map ids (a list of them, or an optional one);
    None to keep what the pydantic integration makes of the field."""
    annotation = info.annotation
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        return list[strawberry.ID] if _is_map_id(item, []) else None
    if _is_map_id(annotation, info.metadata):
        return strawberry.ID
    return None


def input_of(model: type[BaseModel], name: str, description: str, **kept: Any) -> type[Any]:
    """The GraphQL input for a pydantic model: every field, with the description written
    on the model; map ids as IDs; `kept` names fields whose GraphQL type is set by hand."""
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {}
    for field_name, info in model.model_fields.items():
        annotation = kept.get(field_name) or _graphql_annotation(info)
        if annotation is None:
            continue
        if info.is_required():
            annotations[field_name] = annotation
            namespace[field_name] = strawberry.field(description=info.description)
        else:
            annotations[field_name] = annotation | None if info.default is None else annotation
            namespace[field_name] = strawberry.field(
                default_factory=lambda d=info.default: d if d is None else type(d)(d),
                description=info.description,
            )
    namespace["__annotations__"] = annotations
    shell = type(name, (), namespace)
    made: type[Any] = strawberry_pydantic.input(
        model=model, all_fields=True, description=description
    )(shell)
    return made


CitationInput = input_of(
    kinds.CitationDraft,
    "CitationInput",
    "A source and, if it has sections, the one the fact is from.",
)
# GraphQL types set by hand: initiatives' kinds of work are sent as the stored words
# (research, mapping...), as the API has always taken them.
_KEPT: dict[str, dict[str, Any]] = {"initiative": {"work": list[str]}}


def _name(kind: str) -> str:
    return "".join(part.title() for part in kind.split("-")) + "Input"


# The input of each kind editors write, named for it (OrganizationInput...), from its draft.
INPUTS: dict[str, type[Any]] = {
    kind: input_of(
        kinds.DRAFTS[kind], _name(kind), kinds.DRAFTS[kind].__doc__ or "", **_KEPT.get(kind, {})
    )
    for kind in kinds.EDITED_KINDS
}
OrganizationInput = INPUTS["organization"]


@strawberry.input(description="A relationship between two records, with its source.")
class RelationshipInput:
    from_: strawberry.ID = strawberry.field(name="from", description="The id it starts at.")
    type: str = strawberry.field(description="Such as LEADS, IMPLEMENTS, MEMBER_OF, ATTENDED.")
    to: strawberry.ID = strawberry.field(description="The id it points to.")
    source: strawberry.ID = strawberry.field(description="The id of the source it comes from.")
    note: str = strawberry.field(description="What the source says, in your own words.")
    section: str | None = strawberry.field(
        default=None, description="The section of the source, if it has sections."
    )
    role: str | None = strawberry.field(default=None, description="CHAIRS: chair or co-chair.")
    seat: str | None = strawberry.field(default=None, description="The seat it holds.")
    representative: str | None = strawberry.field(
        default=None, description="Who represents the organization, as the source names them."
    )
    status: str | None = strawberry.field(default=None, description="PARTNERSHIP_WITH only.")
    reason: str | None = strawberry.field(
        default=None, description="PARTNERSHIP_WITH: why it is blocked or pending."
    )
    organization: strawberry.ID | None = strawberry.field(
        default=None,
        description="SEATED, ATTENDED and CHAIRED by a person: the organization they hold "
        "the seat for; leave it out where the source names none.",
    )
    standing: MembershipStanding | None = strawberry.field(
        default=None,
        description="MEMBERSHIP: member, observer, partner, pending, declined, blocked or "
        "withdrawn.",
    )
    decision: str | None = strawberry.field(
        default=None, description="MEMBERSHIP: the registration or decision it comes from."
    )
    constituency: str | None = strawberry.field(
        default=None, description="MEMBERSHIP: the constituency of the seat, such as employers."
    )
    progress: CommitmentStatus | None = strawberry.field(
        default=None,
        description="PROGRESS_REPORTED (a commitment to the document reporting on it): the "
        "status it reports; `since` is the date it holds from.",
    )
    alliance_status: CountryStatus | None = strawberry.field(
        default=None,
        description="COUNTRY_STATUS (the Alliance to a country): interested, pathfinder or "
        "former_pathfinder; one relationship per status, so its history stays.",
    )
    basis: FactBasis | None = strawberry.field(
        default=None,
        description="STATED (the default): the source says so; INFERRED: you infer it from "
        "what the source says, and inferredFrom says from what.",
    )
    inferred_from: str | None = strawberry.field(
        default=None, description="For an inferred relationship, what it is inferred from."
    )
    since: str | None = strawberry.field(
        default=None,
        description="The date it holds from, where the source says: YYYY, YYYY-MM or YYYY-MM-DD.",
    )
    until: str | None = strawberry.field(
        default=None, description="The date it held until, where the source says."
    )
    as_of: str | None = strawberry.field(
        default=None,
        description="The day it was checked against the source; left out, today.",
    )


def as_dict(given: object) -> dict[str, Any]:
    """An input as plain values, nested inputs included, enums as their stored strings."""
    return _plain(asdict(given))  # type: ignore[call-overload, no-any-return]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.value if isinstance(value, Enum) else value
