"""Enums and filter inputs. The enums are the model's value lists (`service.model.values`),
wrapped for GraphQL; their values are the strings stored in the graph."""

from dataclasses import asdict
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any

import strawberry

from service.domain.places import Matched
from service.model import kinds
from service.model.kinds import DRAFTS
from service.model.values import (
    ActionGroupKind,
    CommitmentStatus,
    CountryStatus,
    DocumentType,
    EventKind,
    EventRole,
    EventStatus,
    FactBasis,
    GroupRole,
    InitiativeKind,
    InitiativeRole,
    InitiativeStatus,
    MembershipRecorded,
    MembershipStanding,
    OrganizationType,
    PartnershipStatus,
)

MapAsOf = Annotated[
    datetime | None,
    strawberry.argument(
        description="The map as it stood at this moment (a time with its zone), rebuilt "
        "from the audit trail as whoIsDoingWhatWhere(asOf) is; where the analysis also "
        "takes `asOf`, work is counted for that moment's day unless `asOf` says otherwise."
    ),
]

# The map's value lists, made GraphQL enums in place: each member's name is its GraphQL
# value, its value the string stored in the graph.
for _value_list in (
    DocumentType,
    OrganizationType,
    InitiativeKind,
    InitiativeStatus,
    ActionGroupKind,
    EventKind,
    EventStatus,
    InitiativeRole,
    GroupRole,
    EventRole,
    PartnershipStatus,
    MembershipRecorded,
    FactBasis,
    MembershipStanding,
    CommitmentStatus,
    CountryStatus,
):
    strawberry.enum(_value_list, description=_value_list.__doc__)

# A value list written beside its kind (service/model/kinds.py) rather than with the
# others is made a GraphQL enum too, and found by its name like them (`value_list`).
_BESIDE_KINDS = {
    info.annotation.__name__: info.annotation
    for draft in DRAFTS.values()
    for info in draft.model_fields.values()
    if isinstance(info.annotation, type)
    and issubclass(info.annotation, Enum)
    and info.annotation.__module__ == kinds.__name__
}
for _beside in _BESIDE_KINDS.values():
    strawberry.enum(_beside, description=_beside.__doc__)


def value_list(name: str) -> type[Enum]:
    """A value list's GraphQL enum by its name."""
    found = globals().get(name) or _BESIDE_KINDS[name]
    assert isinstance(found, type)
    assert issubclass(found, Enum)
    return found


# The domain's value list of how a record matched a place filter, made a GraphQL enum in
# place (its names are the GraphQL values).
PlaceMatch = strawberry.enum(Matched, name="PlaceMatch", description=Matched.__doc__)


__all__ = [
    "ActionGroupKind",
    "CommitmentFilter",
    "CommitmentStatus",
    "CountryFilter",
    "CountryStatus",
    "DocumentType",
    "EventFilter",
    "EventKind",
    "EventRole",
    "EventStatus",
    "FactBasis",
    "GraphFilter",
    "GroupRole",
    "InitiativeFilter",
    "InitiativeKind",
    "InitiativeRole",
    "InitiativeStatus",
    "MembershipRecorded",
    "MembershipStanding",
    "OrganizationFilter",
    "OrganizationType",
    "PartnershipStatus",
    "SourceFilter",
    "WhoFilter",
]

_PLACE = "A country (ISO alpha-3 or alpha-2, or `country:ARG`)."


@strawberry.input(
    description="Every field narrows the list of commitments; leave one out to not filter on it."
)
class CommitmentFilter:
    statuses: list[CommitmentStatus] | None = strawberry.field(
        default=None, description="Only commitments with one of these statuses."
    )
    overdue_on: date | None = strawberry.field(
        default=None,
        description="Only those overdue on this day: due before it (a due date of 2018 runs "
        "to 31 December 2018) and, as last recorded, still made or in progress. A "
        "commitment with no due date is never overdue.",
    )
    organization: str | None = strawberry.field(
        default=None, description="Only those this organization made, owns or asked for."
    )
    action_group: str | None = strawberry.field(
        default=None,
        description="Only those this action group or Alliance body made, owns or asked for.",
    )
    theme: str | None = strawberry.field(default=None, description="Only those on this theme.")
    initiative: str | None = strawberry.field(
        default=None, description="Only those for this initiative or work plan (its id)."
    )
    country: str | None = strawberry.field(
        default=None,
        description=_PLACE + " Only those concerning it, a region it lies in, or the world.",
    )
    region: str | None = strawberry.field(
        default=None, description="Region id. Only those concerning it, a place in it, or wider."
    )


@strawberry.input(
    description="Every field narrows the evidence directory; leave a field out to not filter on it."
)
class SourceFilter:
    text: str | None = strawberry.field(
        default=None, description="Words in the title, the publisher or the description."
    )
    publisher: str | None = strawberry.field(
        default=None, description="Part of the publisher's name, e.g. ILO."
    )
    cited_by: str | None = strawberry.field(
        default=None,
        description="Only the sources this record cites (the id of any record, e.g. "
        "initiative:knowledge-platform).",
    )
    document_type: DocumentType | None = strawberry.field(
        default=None, description="Only documents of this type."
    )
    theme: str | None = strawberry.field(
        default=None, description="Only documents that are evidence about this theme."
    )
    country: str | None = strawberry.field(
        default=None,
        description=_PLACE + " Only documents that are evidence about it, about a region it "
        "lies in, or about the world.",
    )
    region: str | None = strawberry.field(
        default=None,
        description="Region id. Only documents that are evidence about it, about a place in "
        "it, or about a wider region or the world.",
    )


@strawberry.input(
    description="Every field narrows the list; leave a field out to not filter on it."
)
class OrganizationFilter:
    type: OrganizationType | None = strawberry.field(
        default=None, description="Only organizations of this type."
    )
    theme: str | None = strawberry.field(
        default=None, description="Theme id, e.g. theme:child-labour."
    )
    sdg_target: str | None = strawberry.field(
        default=None, description="SDG target code, e.g. 8.7."
    )
    country: str | None = strawberry.field(
        default=None, description=_PLACE + " Based or working there."
    )
    region: str | None = strawberry.field(
        default=None, description="Region id, e.g. region:un-americas."
    )
    action_group: str | None = strawberry.field(default=None, description="Action group id.")
    text: str | None = strawberry.field(default=None, description="Part of the name or acronym.")
    include_retired: bool = strawberry.field(
        default=False, description="Also list retired records (each says retired: true)."
    )


@strawberry.input(
    description="Every field narrows the list; leave a field out to not filter on it."
)
class InitiativeFilter:
    kind: InitiativeKind | None = strawberry.field(
        default=None, description="Only initiatives of this kind."
    )
    status: InitiativeStatus | None = strawberry.field(
        default=None, description="Only initiatives in this state."
    )
    theme: str | None = strawberry.field(
        default=None, description="Theme id, e.g. theme:child-labour."
    )
    sdg_target: str | None = strawberry.field(
        default=None, description="SDG target code, e.g. 8.7."
    )
    country: str | None = strawberry.field(
        default=None, description=_PLACE + " Also matches work in the country's regions."
    )
    region: str | None = strawberry.field(
        default=None, description="Region id; also matches work in countries inside it."
    )
    action_group: str | None = strawberry.field(
        default=None, description="Only initiatives this action group coordinates."
    )
    organization: str | None = strawberry.field(default=None, description="Any role in it.")
    organization_type: OrganizationType | None = strawberry.field(
        default=None, description="An organization of this type has a role in it."
    )
    text: str | None = strawberry.field(
        default=None, description="Part of the name or description."
    )
    include_retired: bool = strawberry.field(
        default=False, description="Also list retired records (each says retired: true)."
    )
    active_on: date | None = strawberry.field(
        default=None,
        description="Only initiatives running on this day: active or completed work whose "
        "dates hold it (planned, proposed and unknown work never runs; a missing end means "
        "still running only for active work).",
    )
    active_from: date | None = strawberry.field(
        default=None,
        description="With activeTo: only active or completed initiatives whose known dates "
        "overlap the range.",
    )
    active_to: date | None = strawberry.field(
        default=None, description="The end of the activeFrom range."
    )
    updated_since: date | None = strawberry.field(
        default=None,
        description="Only initiatives changed (by an edit or an import) or seen in an import "
        "on or after this day.",
    )
    last_verified_before: date | None = strawberry.field(
        default=None,
        description="Only initiatives last verified against a source before this day, or "
        "never (a partial date counts from its first day): the facts to check again.",
    )


@strawberry.input(description="Narrow who is doing what, where.")
class WhoFilter:
    country: str | None = strawberry.field(
        default=None, description=_PLACE + " Also matches work in the country's regions."
    )
    region: str | None = strawberry.field(
        default=None, description="Region id; also matches work in countries inside it."
    )
    theme: str | None = strawberry.field(
        default=None, description="Theme id, e.g. theme:child-labour."
    )
    sdg_target: str | None = strawberry.field(
        default=None, description="SDG target code, e.g. 8.7."
    )
    organization_type: OrganizationType | None = strawberry.field(
        default=None, description="Only organizations of this type."
    )
    action_group: str | None = strawberry.field(
        default=None, description="Only initiatives this action group coordinates."
    )
    active_on: date | None = strawberry.field(
        default=None, description="Only initiatives running on this day, by their dates."
    )


@strawberry.input(description="Narrow the list of countries.")
class CountryFilter:
    region: str | None = strawberry.field(default=None, description="Region id.")
    text: str | None = strawberry.field(default=None, description="Part of the name, or a code.")


@strawberry.input(description="Narrow the list of events.")
class EventFilter:
    kind: EventKind | None = strawberry.field(default=None, description="Only events of this kind.")
    status: EventStatus | None = strawberry.field(
        default=None, description="Only held, planned or recurring events."
    )
    country: str | None = strawberry.field(
        default=None, description="Only events held in this country (ISO code)."
    )
    date_from: date | None = strawberry.field(
        default=None, description="Only events that end on or after this day."
    )
    date_to: date | None = strawberry.field(
        default=None, description="Only events that start on or before this day."
    )


@strawberry.input(description="What a graph may contain.")
class GraphFilter:
    kinds: list[str] | None = strawberry.field(
        default=None, description="Only these kinds besides the focus, e.g. organization."
    )
    relationship_types: list[str] | None = strawberry.field(
        default=None,
        description="Only these relationship types; default all but citations and region nesting.",
    )
    limit: int = strawberry.field(default=200, description="At most this many nodes.")
    organization_type: OrganizationType | None = strawberry.field(
        default=None, description="Only organizations of this type."
    )
    theme: str | None = strawberry.field(
        default=None, description="Without a focus: initiatives on this theme."
    )
    sdg_target: str | None = strawberry.field(
        default=None, description="Without a focus: initiatives towards this SDG target."
    )
    country: str | None = strawberry.field(
        default=None,
        description="Without a focus: initiatives in this country or a region it lies in.",
    )
    region: str | None = strawberry.field(
        default=None, description="Without a focus: initiatives in this region or inside it."
    )


def values_of(given: Any) -> dict[str, Any]:
    """An input's fields, with enums (alone or in a list) as their stored values."""
    values = asdict(given) if given is not None else {}
    return {k: _stored(v) for k, v in values.items()}


def _stored(value: Any) -> Any:
    if isinstance(value, list):
        return [getattr(v, "value", v) for v in value]
    return getattr(value, "value", value)
