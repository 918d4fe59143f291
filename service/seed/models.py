"""The shape of each seed file, as pydantic models. Unknown fields are errors, so a typo in
a field name is caught rather than silently dropped."""

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_ID = re.compile(r"^[a-z-]+:[A-Za-z0-9.-]+$")


def _partial_date(value: str) -> str:
    if not _PARTIAL_DATE.match(value):
        raise ValueError("dates are written YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _map_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError("ids are written kind:key, such as organization:ilo")
    return value


PartialDate = Annotated[str, AfterValidator(_partial_date)]
MapId = Annotated[str, AfterValidator(_map_id)]
Text = Annotated[str, Field(min_length=1)]

OrganizationType = Literal[
    "un_agency",
    "intergovernmental",
    "government",
    "workers",
    "employers",
    "business",
    "ngo",
    "academic",
    "network",
    "funder",
]
ActionGroupKind = Literal["action_group", "coordinating_group", "friends_group", "secretariat"]
InitiativeKind = Literal[
    "platform",
    "research",
    "report",
    "tool",
    "consultation",
    "policy",
    "network",
    "mechanism",
    "work_plan",
    "declaration",
    "partnership",
    "process",
    "website",
    "project",
]
InitiativeStatus = Literal["proposed", "planned", "active", "completed"]
# The kind of work, as overlap scoring compares it (an initiative may do several).
WorkType = Literal[
    "research",
    "data_collection",
    "mapping",
    "platform",
    "capacity_building",
    "advocacy",
    "coordination",
]
EventKind = Literal["meeting", "consultation", "workshop", "conference", "convening"]
EventStatus = Literal["held", "planned", "recurring"]


# Control characters (NUL and the rest, but not tab and line breaks) have no place in a
# name or a note: they break exports, searches and the screens that show them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _printable(value: Any) -> Any:
    if isinstance(value, str) and (found := _CONTROL.search(value)):
        raise ValueError(f"contains the control character U+{ord(found.group()):04X}; remove it")
    if isinstance(value, list | tuple):
        for item in value:
            _printable(item)
    return value


class Strict(BaseModel):
    """A record or input: unknown fields refused, nothing changed once checked, and no
    control characters in any text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return _printable(value)


class Citation(Strict):
    """Where a fact comes from: a source, the section of it, and a note in our own words."""

    source: MapId | None = None
    section: Text
    note: Annotated[str, Field(min_length=3, max_length=300)]


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


RelationshipType = Literal[
    "CHAIRS",
    "MEMBER_OF",
    "LEADS",
    "IMPLEMENTS",
    "FUNDS",
    "PARTNERS_IN",
    "REQUESTED",
    "PROPOSED",
    "HOSTS",
    "COORDINATES",
    "ORGANIZED",
    "ATTENDED",
    "SENT_APOLOGIES",
    "CHAIRED",
    "PARTNERSHIP_WITH",
    "BASED_IN",
    "SUPPORTS",
    "PART_OF",
    "ESTABLISHED",
    "RELATES_TO",
    "COMPLEMENTS",
    "CONTRIBUTES_TO",
    "OPERATES_IN",
    "FOLLOWS_UP",
    "LINKED_WITH",
]


class RelationshipRecord(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: MapId = Field(alias="from")
    type: RelationshipType
    to: MapId
    role: Literal["chair", "co-chair", "deputy chair"] | None = None
    seat: str | None = None
    representative: str | None = None
    status: Literal["blocked", "pending"] | None = None
    reason: str | None = None
    note: str | None = None


class RelationshipGroup(Strict):
    source: MapId | None = None
    section: Text
    note: Annotated[str, Field(min_length=3, max_length=300)]
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


IloRegion = Literal[
    "Africa", "Americas", "Arab States", "Asia and the Pacific", "Europe and Central Asia"
]


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
