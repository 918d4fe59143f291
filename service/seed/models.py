"""The shape of each seed file, as pydantic models. Unknown fields are errors, so a typo in
a field name is caught rather than silently dropped."""

from typing import Annotated

from pydantic import ConfigDict, Field

from service.model.fields import MapId, Note, PartialDate, Strict, Text
from service.model.relationships import RelationshipType
from service.model.values import (
    ActionGroupKind,
    ChairRole,
    EventKind,
    EventStatus,
    IloRegion,
    InitiativeKind,
    InitiativeStatus,
    OrganizationType,
    PartnershipStatus,
    WorkType,
)


class Citation(Strict):
    """Where a fact comes from: a source, the section of it, and a note in our own words."""

    source: MapId | None = None
    section: Text
    note: Note


class Record(Strict):
    id: MapId
    name: Text
    description: str | None = None
    cited: Annotated[list[Citation], Field(min_length=1)]


class ThemeRecord(Record):
    pass


class OrganizationRecord(Record):
    acronym: str | None = None
    type: OrganizationType


class ActionGroupRecord(Record):
    acronym: str | None = None
    kind: ActionGroupKind
    themes: list[MapId] = []


class InitiativeRecord(Record):
    kind: InitiativeKind
    status: InitiativeStatus
    work: Annotated[list[WorkType], Field(min_length=1)]
    start: PartialDate | None = None
    end: PartialDate | None = None
    operates_in: list[MapId] = []
    themes: list[MapId] = []
    sdg_targets: list[str] = []


class EventRecord(Record):
    kind: EventKind
    status: EventStatus
    date: PartialDate | None = None
    end_date: PartialDate | None = None
    city: str | None = None
    held_in: MapId | None = None


class SourceRecord(Strict):
    id: MapId
    title: Text
    publisher: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    description: str | None = None
    sections: list[str] = []


class RelationshipRecord(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: MapId = Field(alias="from")
    type: RelationshipType
    to: MapId
    role: ChairRole | None = None
    seat: str | None = None
    representative: str | None = None
    status: PartnershipStatus | None = None
    reason: str | None = None
    note: str | None = None


class RelationshipGroup(Strict):
    source: MapId | None = None
    section: Text
    note: Note
    relationships: Annotated[list[RelationshipRecord], Field(min_length=1)]


class SourcesFile(Strict):
    sources: list[SourceRecord]


class ThemesFile(Strict):
    default_source: MapId
    themes: list[ThemeRecord]


class OrganizationsFile(Strict):
    default_source: MapId
    organizations: list[OrganizationRecord]


class ActionGroupsFile(Strict):
    default_source: MapId
    action_groups: list[ActionGroupRecord]


class InitiativesFile(Strict):
    default_source: MapId
    initiatives: list[InitiativeRecord]


class EventsFile(Strict):
    default_source: MapId
    events: list[EventRecord]


class RelationshipsFile(Strict):
    default_source: MapId
    groups: list[RelationshipGroup]


class SdgGoal(Strict):
    number: Annotated[int, Field(ge=1, le=17)]
    title: Text
    targets: dict[str, Text]


class SdgFile(Strict):
    goals: Annotated[list[SdgGoal], Field(min_length=17, max_length=17)]


class NeedEstimate(Strict):
    """One published set of prevalence figures by ILO region."""

    measure: Text
    theme: MapId
    unit: Text
    data_year: Annotated[int, Field(ge=1990, le=2100)]
    source: MapId
    values: dict[IloRegion, Annotated[float, Field(ge=0)]]


class NeedFile(Strict):
    estimates: list[NeedEstimate]
