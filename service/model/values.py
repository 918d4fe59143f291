"""The map's value lists, each written once as a `StrEnum` whose values are the strings
stored in the graph. Seed files, edit drafts and import rows are checked against them; the
GraphQL layer wraps them with `strawberry.enum` (member names become the GraphQL values)."""

from enum import StrEnum


class OrganizationType(StrEnum):
    """What kind of body an organization is."""

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
    # A country's own body that coordinates its work against forced labour, trafficking or
    # child labour (a national committee, commission or rapporteur).
    NATIONAL_COORDINATION = "national_coordination"
    # A file that names an organization without its type: not refused, shown as unknown.
    UNKNOWN = "unknown"


class ActionGroupKind(StrEnum):
    """The Alliance's bodies: action groups and the groups that frame them."""

    ACTION_GROUP = "action_group"
    COORDINATING_GROUP = "coordinating_group"
    FRIENDS_GROUP = "friends_group"
    SECRETARIAT = "secretariat"


class DocumentType(StrEnum):
    """What kind of document a source is, for the evidence directory."""

    REPORT = "report"
    DATASET = "dataset"
    EVALUATION = "evaluation"
    LAW_OR_POLICY = "law_or_policy"
    GUIDELINE = "guideline"
    MEETING_RECORD = "meeting_record"


class FactBasis(StrEnum):
    """How a fact is known."""

    STATED = "stated"  # the source says so
    INFERRED = "inferred"  # the map infers it from what the source says (see inferredFrom)


class MembershipRecorded(StrEnum):
    """How much of a body's membership the map records, as its source shows it."""

    # Every member is on the map (as of the date given): a constituency none of them
    # holds is absent.
    COMPLETE = "complete"
    # Only its chairs are on the map: who else belongs is unknown.
    CHAIRS_ONLY = "chairs_only"
    # Some members are on the map, not known to be all.
    PARTIAL = "partial"


class InitiativeKind(StrEnum):
    """What an initiative is: a platform, a study, a plan, a project..."""

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
    # An organization's work in a sector and places over a period, as operational-presence
    # sheets list it (organization x sector x place x period), with no activity named.
    PRESENCE = "presence"


class InitiativeStatus(StrEnum):
    """Where an initiative stands, as its source tells."""

    PROPOSED = "proposed"
    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"
    # A 3W row or file that does not say: never counted as active, planned or done.
    UNKNOWN = "unknown"


class WorkType(StrEnum):
    """The kind of work, as overlap scoring compares it (an initiative may do several)."""

    RESEARCH = "research"
    DATA_COLLECTION = "data_collection"
    MAPPING = "mapping"
    PLATFORM = "platform"
    CAPACITY_BUILDING = "capacity_building"
    ADVOCACY = "advocacy"
    COORDINATION = "coordination"


class EventKind(StrEnum):
    """What kind of gathering an event is."""

    MEETING = "meeting"
    CONSULTATION = "consultation"
    WORKSHOP = "workshop"
    CONFERENCE = "conference"
    CONVENING = "convening"


class EventStatus(StrEnum):
    """Whether an event was held, is planned or recurs."""

    HELD = "held"
    PLANNED = "planned"
    RECURRING = "recurring"


class ChairRole(StrEnum):
    """Which chair a CHAIRS relationship is."""

    CHAIR = "chair"
    CO_CHAIR = "co-chair"
    DEPUTY_CHAIR = "deputy chair"


class PartnershipStatus(StrEnum):
    """Where a partnership that has not gone ahead stands."""

    BLOCKED = "blocked"
    PENDING = "pending"


class MembershipStanding(StrEnum):
    """Where an organization stands with the Alliance or one of its bodies."""

    MEMBER = "member"
    OBSERVER = "observer"
    PARTNER = "partner"
    # Asked, or considering, and not yet decided.
    PENDING = "pending"
    # Decided not to take part (for now, where the source says so).
    DECLINED = "declined"
    # Wanted on one side, held up on the other.
    BLOCKED = "blocked"
    WITHDRAWN = "withdrawn"


class CommitmentStatus(StrEnum):
    """Where a pledge or commitment stands, as its latest dated source tells."""

    # Called for or put forward, not yet taken on by those asked.
    PROPOSED = "proposed"
    MADE = "made"
    IN_PROGRESS = "in_progress"
    MET = "met"
    LAPSED = "lapsed"
    WITHDRAWN = "withdrawn"


# The statuses under which a commitment is still owed: one of these past its due date is
# overdue. Met, lapsed and withdrawn ones are closed; a proposed one was never taken on.
OPEN_COMMITMENTS = (CommitmentStatus.MADE, CommitmentStatus.IN_PROGRESS)


class CountryStatus(StrEnum):
    """A country's standing in the Alliance's country-level work."""

    # Its government has said it wants to become a pathfinder country.
    INTERESTED = "interested"
    PATHFINDER = "pathfinder"
    # It was a pathfinder country and is no longer.
    FORMER_PATHFINDER = "former_pathfinder"


class InitiativeRole(StrEnum):
    """What an organization does in an initiative (the relationship type)."""

    LEADS = "LEADS"
    IMPLEMENTS = "IMPLEMENTS"
    FUNDS = "FUNDS"
    PARTNERS_IN = "PARTNERS_IN"
    HOSTS = "HOSTS"
    REQUESTED = "REQUESTED"
    PROPOSED = "PROPOSED"


class GroupRole(StrEnum):
    """An organization's place in an action group or other Alliance body."""

    CHAIR = "chair"
    CO_CHAIR = "co-chair"
    DEPUTY_CHAIR = "deputy chair"
    MEMBER = "member"
    SUPPORTER = "supporter"


class EventRole(StrEnum):
    """How an organization took part in an event (the relationship type)."""

    ATTENDED = "ATTENDED"
    SENT_APOLOGIES = "SENT_APOLOGIES"
    CHAIRED = "CHAIRED"
    HOSTED = "HOSTS"
    ORGANIZED = "ORGANIZED"


class IloRegion(StrEnum):
    """The ILO's five regions, which the published need figures are given by."""

    AFRICA = "Africa"
    AMERICAS = "Americas"
    ARAB_STATES = "Arab States"
    ASIA_PACIFIC = "Asia and the Pacific"
    EUROPE_CENTRAL_ASIA = "Europe and Central Asia"
