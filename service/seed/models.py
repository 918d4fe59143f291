"""The shape of each seed file, as pydantic models built on the kinds' own fields
(`service.model.kinds`). Unknown fields are errors, so a typo in a field name is caught
rather than silently dropped."""

from typing import Annotated

from pydantic import Field

from service.model.fields import MapId, Note, Strict, Text
from service.model.kinds import (
    ActionGroupFields,
    EventFields,
    InitiativeFields,
    OrganizationFields,
    SourceFields,
    ThemeFields,
)
from service.model.relationships import RelationshipRecord
from service.model.values import IloRegion, WorkType


class Citation(Strict):
    """Where a fact comes from: a source, the section of it, and a note in our own words."""

    source: MapId | None = None
    section: Text
    note: Note


class Record(Strict):
    """What every curated record adds to its kind's fields: its id and its citations (the
    file's default source where a citation names none). The record's own fields come from
    its kind in `service.model.kinds`; a seed file also writes the record's links inline."""

    id: MapId
    cited: Annotated[list[Citation], Field(min_length=1)]


class ThemeRecord(Record, ThemeFields):
    pass


class OrganizationRecord(Record, OrganizationFields):
    pass


class ActionGroupRecord(Record, ActionGroupFields):
    themes: list[MapId] = []


class InitiativeRecord(Record, InitiativeFields):
    # Curated initiatives say what kind of work they do; imported projects need not.
    work: Annotated[list[WorkType], Field(min_length=1)]
    operates_in: list[MapId] = []
    themes: list[MapId] = []
    sdg_targets: list[str] = []


class EventRecord(Record, EventFields):
    held_in: MapId | None = None


class SourceRecord(SourceFields):
    id: MapId


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
