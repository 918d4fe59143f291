"""Enums and filter inputs. Enum values are the strings stored in the graph."""

from datetime import date
from enum import Enum

import strawberry


@strawberry.enum(description="What kind of body an organization is.")
class OrganizationType(Enum):
    UN_AGENCY = "un_agency"
    INTERGOVERNMENTAL = "intergovernmental"
    GOVERNMENT = "government"
    WORKERS = "workers"
    EMPLOYERS = "employers"
    BUSINESS = "business"
    NGO = "ngo"
    ACADEMIC = "academic"
    NETWORK = "network"
    FUNDER = "funder"


@strawberry.enum
class InitiativeKind(Enum):
    PLATFORM = "platform"
    RESEARCH = "research"
    REPORT = "report"
    TOOL = "tool"
    CONSULTATION = "consultation"
    POLICY = "policy"
    NETWORK = "network"
    MECHANISM = "mechanism"
    WORK_PLAN = "work_plan"
    DECLARATION = "declaration"
    PARTNERSHIP = "partnership"
    PROCESS = "process"
    WEBSITE = "website"
    PROJECT = "project"


@strawberry.enum
class InitiativeStatus(Enum):
    PROPOSED = "proposed"
    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"


@strawberry.enum(description="The Alliance's bodies: action groups and the groups that frame them.")
class ActionGroupKind(Enum):
    ACTION_GROUP = "action_group"
    COORDINATING_GROUP = "coordinating_group"
    FRIENDS_GROUP = "friends_group"
    SECRETARIAT = "secretariat"


@strawberry.enum
class EventKind(Enum):
    MEETING = "meeting"
    CONSULTATION = "consultation"
    WORKSHOP = "workshop"
    CONFERENCE = "conference"
    CONVENING = "convening"


@strawberry.enum
class EventStatus(Enum):
    HELD = "held"
    PLANNED = "planned"
    RECURRING = "recurring"


@strawberry.enum(description="What an organization does in an initiative.")
class InitiativeRole(Enum):
    LEADS = "LEADS"
    IMPLEMENTS = "IMPLEMENTS"
    FUNDS = "FUNDS"
    PARTNERS_IN = "PARTNERS_IN"
    HOSTS = "HOSTS"
    REQUESTED = "REQUESTED"
    PROPOSED = "PROPOSED"


@strawberry.enum(description="An organization's place in an action group or other Alliance body.")
class GroupRole(Enum):
    CHAIR = "chair"
    CO_CHAIR = "co-chair"
    DEPUTY_CHAIR = "deputy chair"
    MEMBER = "member"
    SUPPORTER = "supporter"


@strawberry.enum(description="How an organization took part in an event.")
class EventRole(Enum):
    ATTENDED = "ATTENDED"
    SENT_APOLOGIES = "SENT_APOLOGIES"
    CHAIRED = "CHAIRED"
    HOSTED = "HOSTS"
    ORGANIZED = "ORGANIZED"


@strawberry.enum
class PartnershipStatus(Enum):
    BLOCKED = "blocked"
    PENDING = "pending"


_PLACE = "A country (ISO alpha-3 or alpha-2, or `country:ARG`)."


@strawberry.input(
    description="Every field narrows the list; leave a field out to not filter on it."
)
class OrganizationFilter:
    type: OrganizationType | None = None
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
    kind: InitiativeKind | None = None
    status: InitiativeStatus | None = None
    theme: str | None = None
    sdg_target: str | None = None
    country: str | None = strawberry.field(
        default=None, description=_PLACE + " Also matches work in the country's regions."
    )
    region: str | None = None
    action_group: str | None = None
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
    active_on: date | None = None


@strawberry.input(description="Narrow who is doing what, where.")
class WhoFilter:
    country: str | None = strawberry.field(
        default=None, description=_PLACE + " Also matches work in the country's regions."
    )
    region: str | None = None
    theme: str | None = None
    sdg_target: str | None = None
    organization_type: OrganizationType | None = None
    action_group: str | None = None
    active_on: date | None = None


@strawberry.input
class CountryFilter:
    region: str | None = strawberry.field(default=None, description="Region id.")
    text: str | None = strawberry.field(default=None, description="Part of the name, or a code.")


@strawberry.input
class EventFilter:
    kind: EventKind | None = None
    status: EventStatus | None = None
    country: str | None = None


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
