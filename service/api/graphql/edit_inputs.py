"""What editors send: one input per kind of record and one for a relationship. Each is
checked by the matching pydantic draft in `service/editing/drafts.py`; these types only
give it a GraphQL shape. Ids that name countries take ISO 3166 codes (ARG or AR); SDG
targets take their code (8.7)."""

from dataclasses import asdict
from enum import Enum
from typing import Any

import strawberry

from service.api.graphql.inputs import (
    ActionGroupKind,
    EventKind,
    EventStatus,
    InitiativeKind,
    InitiativeStatus,
    OrganizationType,
)

_KEY = "Optional; the id becomes kind:key. Left out, it is made from the acronym or name."


def _ids(description: str) -> Any:
    return strawberry.field(default_factory=list, description=description)


@strawberry.input(description="A source and, if it has sections, the one the fact is from.")
class CitationInput:
    source: strawberry.ID
    section: str | None = None
    note: str = strawberry.field(description="What the source says, in your own words.")


@strawberry.input
class OrganizationInput:
    name: str
    type: OrganizationType
    cited: list[CitationInput]
    key: str | None = strawberry.field(default=None, description=_KEY)
    acronym: str | None = None
    description: str | None = None
    based_in: list[str] = _ids("ISO 3166 codes of the countries it is based in.")


@strawberry.input
class InitiativeInput:
    name: str
    kind: InitiativeKind
    status: InitiativeStatus
    cited: list[CitationInput]
    work: list[str] = strawberry.field(
        default_factory=list,
        description="research, data_collection, mapping, platform, capacity_building, "
        "advocacy or coordination",
    )
    key: str | None = strawberry.field(default=None, description=_KEY)
    description: str | None = None
    start: str | None = strawberry.field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    end: str | None = None
    countries: list[str] = _ids("ISO 3166 codes of the countries it works in.")
    areas: list[str] = _ids("Provinces or states it works in, by name.")
    regions: list[strawberry.ID] = _ids("Region ids, such as region:ilo-africa.")
    themes: list[strawberry.ID] = _ids("Theme ids, such as theme:child-labour.")
    sdg_targets: list[str] = _ids("SDG target codes, such as 8.7.")


@strawberry.input
class ActionGroupInput:
    name: str
    kind: ActionGroupKind
    cited: list[CitationInput]
    key: str | None = strawberry.field(default=None, description=_KEY)
    acronym: str | None = None
    description: str | None = None
    themes: list[strawberry.ID] = _ids("Theme ids.")


@strawberry.input
class EventInput:
    name: str
    kind: EventKind
    status: EventStatus
    cited: list[CitationInput]
    key: str | None = strawberry.field(default=None, description=_KEY)
    description: str | None = None
    date: str | None = None
    end_date: str | None = None
    city: str | None = None
    held_in: str | None = strawberry.field(default=None, description="An ISO 3166 code.")


@strawberry.input
class SourceInput:
    title: str
    key: str | None = strawberry.field(default=None, description=_KEY)
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    description: str | None = None
    sections: list[str] = _ids("The sections citations may name, if it has any.")


@strawberry.input(description="A relationship between two records, with its source.")
class RelationshipInput:
    from_: strawberry.ID = strawberry.field(name="from")
    type: str = strawberry.field(description="Such as LEADS, IMPLEMENTS, MEMBER_OF, ATTENDED.")
    to: strawberry.ID
    source: strawberry.ID
    note: str
    section: str | None = None
    role: str | None = strawberry.field(default=None, description="CHAIRS: chair or co-chair.")
    seat: str | None = None
    representative: str | None = None
    status: str | None = strawberry.field(default=None, description="PARTNERSHIP_WITH only.")
    reason: str | None = None


def as_dict(given: object) -> dict[str, Any]:
    """An input as plain values, nested inputs included, enums as their stored strings."""
    return _plain(asdict(given))  # type: ignore[call-overload, no-any-return]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.value if isinstance(value, Enum) else value
