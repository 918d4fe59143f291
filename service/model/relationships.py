"""The relationship types, written once: which kinds each may join (from → to), which
properties it takes and which of those it needs; and the record fields whose values become
relationships (an initiative's countries become OPERATES_IN, say). Beside each type stand
the fields it gives the records at its ends (`Side`): its forward name on the kind it runs
from (an initiative's `themes`) and its reverse name on the kind it runs to (a theme's
`initiatives`), as FollowTheMoney's schemata declare `reverse` on a property. The seed
loader, the edit checks, the graph view and the GraphQL types all read this table."""

from dataclasses import dataclass
from typing import Annotated, Literal, cast, get_args

from pydantic import ConfigDict, Field

from service.model.fields import MapId, PartialDate, Strict
from service.model.values import (
    ChairRole,
    CommitmentStatus,
    CountryStatus,
    FactBasis,
    MembershipStanding,
    PartnershipStatus,
)

# The types that are written on their own: in the seed's relationships file, by
# `addRelationship`, or in an import's relationships file.
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
    "ENDORSED",
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
    "REACHES",
    "FOLLOWS_UP",
    "LINKED_WITH",
    "EVIDENCE_ABOUT",
    "SEATED",
    "MEMBERSHIP",
    "PROGRESS_REPORTED",
    "REPORTS_ON",
    "COUNTRY_STATUS",
    "PRIORITY_COUNTRY",
]

# Money on a funding relationship, as IATI files report it: amounts in one currency over
# the period the budgets and transactions span.
MONEY = ("budget", "committed", "disbursed", "spent", "currency", "period_start", "period_end")


Amount = Annotated[float, Field(ge=0, allow_inf_nan=False)]
People = Annotated[int, Field(ge=0)]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class PeopleCounts(Strict):
    """People an initiative targets and reaches in a place, as 3W sheets count them: in
    all, and by sex and age where the sheet gives them (children are under 18, adults 18
    to 59, the elderly 60 and over). HXL writes them #targeted and #reached, with +f, +m,
    +children, +adults and +elderly."""

    targeted: People | None = None
    targeted_female: People | None = None
    targeted_male: People | None = None
    targeted_children: People | None = None
    targeted_girls: People | None = None
    targeted_boys: People | None = None
    targeted_adults: People | None = None
    targeted_women: People | None = None
    targeted_men: People | None = None
    targeted_elderly: People | None = None
    targeted_older_women: People | None = None
    targeted_older_men: People | None = None
    reached: People | None = None
    reached_female: People | None = None
    reached_male: People | None = None
    reached_children: People | None = None
    reached_girls: People | None = None
    reached_boys: People | None = None
    reached_adults: People | None = None
    reached_women: People | None = None
    reached_men: People | None = None
    reached_elderly: People | None = None
    reached_older_women: People | None = None
    reached_older_men: People | None = None


PEOPLE = tuple(PeopleCounts.model_fields)
# The groups people are counted by ("" for everyone), in PeopleCounts' order.
PEOPLE_GROUPS = tuple(f.removeprefix("targeted").lstrip("_") for f in PEOPLE[: len(PEOPLE) // 2])


# An end of a relationship: the record it starts at or the one it points to.
End = Literal["from", "to"]


@dataclass(frozen=True)
class Side:
    """A relationship type as a field of the records at one of its ends: `field` on the
    records of kind `on` lists the records at the other end, of kind `far`, or of any kind
    ("node") or any place ("place": a country or a region) where they may be of several.
    `out`: the relationship runs from `on` to the listed records (its forward name); False:
    into `on` from them (its reverse name). `one`: at most one, shown as it or null."""

    on: str
    field: str
    far: str
    out: bool
    description: str
    one: bool = False


def forward(on: str, field: str, far: str, description: str, one: bool = False) -> Side:
    return Side(on, field, far, True, description, one)


def reverse(on: str, field: str, far: str, description: str) -> Side:
    return Side(on, field, far, False, description)


@dataclass(frozen=True)
class Relationship:
    """Which kinds a relationship type joins, the properties it takes and needs, the ends
    it speaks for, and the fields it gives the records at its ends."""

    starts: frozenset[str]
    ends: frozenset[str]
    properties: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()
    # The property that tells two of this type between the same two records apart (a
    # person's two seats on one body), part of the relationship's key; None: at most one.
    keyed_by: str | None = None
    # The ends in whose name it states something: a funder's money (FUNDS, "from"), a
    # body's decision on who sits on it (MEMBERSHIP, "to"). A key needs rights over each
    # of them to add or remove it (service/editing/permissions.py, docs/rights.md).
    speaks_for: frozenset[End] = frozenset()
    sides: tuple[Side, ...] = ()


# What any relationship may say of how it is known: stated by its source (the default) or
# inferred, and from what.
BASIS = ("basis", "inferred_from")
# What any relationship may say of when it holds: from and until which dates, where its
# source says, and `as_of`, the day it is known to hold (left out, the seed takes its
# source's date and an edit the day it is made).
TIME = ("since", "until", "as_of")


def _r(
    starts: str,
    ends: str,
    properties: str = "",
    required: str = "",
    keyed_by: str | None = None,
    sides: tuple[Side, ...] = (),
    *,
    speaks: str,
) -> Relationship:
    return Relationship(
        frozenset(starts.split()),
        frozenset(ends.split()),
        frozenset([*properties.split(), *BASIS, *TIME]),
        frozenset(required.split()),
        keyed_by,
        _ends(speaks),
        sides,
    )


def _ends(speaks: str) -> frozenset[End]:
    named = speaks.split()
    assert named, "every relationship type speaks for one end or both"
    assert set(named) <= set(get_args(End)), f"speaks names ends: {speaks!r}"
    return frozenset(cast(list[End], named))


# The values of `speaks`: the end a relationship speaks for, or both.
FROM, TO, BOTH = "from", "to", "from to"


_EVIDENCE = "Documents recorded as evidence about it (the evidence directory)."
_PRIORITY = "The countries it puts first (apart from where {})."


# Each type's `speaks` names the ends it states something in the name of (see
# Relationship.speaks_for). A role in an initiative, a meeting or a body speaks for the
# organization holding it (its money, its work, its word); a seat, a membership or a
# partnership decision speaks for the body that decides it; a country's standing in the
# Alliance speaks for the body granting it and for the country, which no one organization
# holds; what a record says of itself (its places, themes, targets) speaks for that record.
RELATIONSHIPS: dict[str, Relationship] = {
    "CHAIRS": _r("organization", "action-group", "role", "role", speaks=BOTH),
    "MEMBER_OF": _r("organization", "action-group organization", "seat representative", speaks=TO),
    "LEADS": _r("organization", "initiative", speaks=FROM),
    "IMPLEMENTS": _r("organization", "initiative", speaks=FROM),
    "FUNDS": _r("organization", "initiative", " ".join(MONEY), speaks=FROM),
    "PARTNERS_IN": _r("organization", "initiative", speaks=FROM),
    "REQUESTED": _r("organization", "initiative", speaks=FROM),
    "PROPOSED": _r("organization", "initiative", speaks=FROM),
    "HOSTS": _r("organization", "initiative event", speaks=FROM),
    "COORDINATES": _r(
        "action-group",
        "initiative",
        sides=(
            forward("action-group", "initiatives", "initiative", "The initiatives it coordinates."),
            reverse(
                "initiative", "coordinated_by", "action-group", "Action groups coordinating it."
            ),
        ),
        speaks=FROM,
    ),
    "ENDORSED": _r(
        "action-group organization",
        "initiative",
        sides=(
            reverse(
                "initiative",
                "endorsed_by",
                "action-group",
                "Action groups that endorsed it (an endorsement, not coordination).",
            ),
        ),
        speaks=FROM,
    ),
    "ORGANIZED": _r(
        "organization action-group",
        "event",
        sides=(forward("action-group", "events", "event", "Events it organized."),),
        speaks=FROM,
    ),
    "ATTENDED": _r("organization person", "event", "seat representative organization", speaks=FROM),
    "SENT_APOLOGIES": _r("organization", "event", speaks=FROM),
    "CHAIRED": _r("organization person", "event", "representative organization", speaks=FROM),
    "PARTNERSHIP_WITH": _r(
        "organization", "action-group organization", "status reason", "status reason", speaks=TO
    ),
    "BASED_IN": _r(
        "organization",
        "country",
        sides=(
            forward("organization", "based_in", "country", "The countries it is based in."),
            reverse("country", "organizations", "organization", "Organizations based here."),
        ),
        speaks=FROM,
    ),
    "SUPPORTS": _r("organization", "action-group", speaks=FROM),
    # A body or gathering within the Alliance or a programme; a part of an initiative (the
    # Knowledge Platform's evidence directory); a meeting held in the margins of another.
    # An SDG target is part of its goal too (the seed's structure, written by no editor);
    # a goal lists its targets in the framework's order, by hand beside its type.
    "PART_OF": _r(
        "action-group event initiative",
        "organization initiative event",
        sides=(
            reverse("initiative", "events", "event", "Events that are part of it."),
            forward("sdg-target", "goal", "sdg", "The goal it belongs to.", one=True),
        ),
        speaks=BOTH,
    ),
    "ESTABLISHED": _r("event", "action-group", speaks=TO),
    "RELATES_TO": _r(
        "theme",
        "sdg sdg-target",
        sides=(forward("theme", "sdgs", "sdg", "SDGs the report ties this theme to."),),
        speaks=FROM,
    ),
    "COMPLEMENTS": _r("organization initiative", "organization initiative", speaks=FROM),
    "CONTRIBUTES_TO": _r(
        "organization initiative commitment",
        "sdg sdg-target",
        sides=(
            forward("initiative", "sdg_targets", "sdg-target", "SDG targets it contributes to."),
            forward("commitment", "sdg_targets", "sdg-target", "SDG targets it contributes to."),
            reverse(
                "sdg-target",
                "initiatives",
                "initiative",
                "Initiatives contributing to this target.",
            ),
        ),
        speaks=FROM,
    ),
    "OPERATES_IN": _r(
        "initiative",
        "country region",
        sides=(
            forward(
                "initiative",
                "operates_in",
                "place",
                "Where it operates: countries and regions (the world included).",
            ),
            reverse(
                "country",
                "initiatives",
                "initiative",
                "Initiatives operating in this country itself (not via its regions).",
            ),
            reverse(
                "region",
                "initiatives",
                "initiative",
                "Initiatives operating across this region as a whole.",
            ),
        ),
        speaks=FROM,
    ),
    "REACHES": _r("initiative", "country region", " ".join(PEOPLE), speaks=FROM),
    # An organization's themes are its own or its initiatives', by hand beside its type.
    "ADDRESSES": _r(
        "initiative organization commitment indicator",
        "theme",
        sides=(
            forward("initiative", "themes", "theme", "Themes it addresses."),
            forward("commitment", "themes", "theme", "Themes it is on."),
            forward("indicator", "themes", "theme", "Themes it measures."),
            reverse("theme", "initiatives", "initiative", "Initiatives addressing this theme."),
            reverse("theme", "indicators", "indicator", "Indicators that measure this theme."),
        ),
        speaks=FROM,
    ),
    "FOCUSES_ON": _r(
        "action-group",
        "theme",
        sides=(
            forward("action-group", "themes", "theme", "Themes it focuses on."),
            reverse(
                "theme", "action_groups", "action-group", "Action groups focusing on this theme."
            ),
        ),
        speaks=FROM,
    ),
    "HELD_IN": _r(
        "event",
        "country",
        sides=(
            forward("event", "country", "country", "The country it was held in.", one=True),
            reverse("country", "events", "event", "Events held here."),
        ),
        speaks=FROM,
    ),
    "FOR_REGION": _r("need", "region", speaks=FROM),
    "FOR_COUNTRY": _r("need", "country", speaks=FROM),
    "FOR_THEME": _r("need", "theme", speaks=FROM),
    "FOLLOWS_UP": _r("initiative", "initiative event", speaks=FROM),
    "LINKED_WITH": _r("initiative", "initiative", speaks=FROM),
    # The evidence directory: what a document is evidence about.
    "EVIDENCE_ABOUT": _r(
        "source",
        "theme country region initiative",
        sides=(
            forward(
                "source",
                "evidence_about",
                "node",
                "What it is evidence about: themes, places and initiatives (the evidence "
                "directory); empty where none is recorded.",
            ),
            *(reverse(kind, "evidence", "source", _EVIDENCE) for kind in ("country", "region")),
            *(reverse(kind, "evidence", "source", _EVIDENCE) for kind in ("theme", "initiative")),
        ),
        speaks=TO,
    ),
    # People in their seats: the body or meeting, the seat, and the organization they
    # represent there (null where the source names none).
    "SEATED": _r(
        "person", "action-group event", "seat organization", "seat", keyed_by="seat", speaks=TO
    ),
    # Where an organization stands with the Alliance or one of its bodies, the
    # registration or decision that says so, and the constituency of its seat.
    "MEMBERSHIP": _r(
        "organization",
        "action-group organization",
        "standing decision constituency seat",
        "standing",
        speaks=TO,
    ),
    # Commitments: who made one, who owns it (the parts of a work plan), the event it was
    # made at, the initiative or work plan it is for, who asked for it and the places it concerns.
    # (The records a commitment names list it by hand beside their types: once each,
    # whichever of these names them.)
    "MADE_BY": _r(
        "commitment",
        "organization action-group",
        sides=(
            forward(
                "commitment", "made_by", "node", "Who made it: organizations and Alliance bodies."
            ),
        ),
        speaks=BOTH,
    ),
    "OWNED_BY": _r(
        "commitment",
        "organization action-group",
        sides=(
            forward(
                "commitment",
                "owners",
                "node",
                "Who is to carry it out; empty where its source names nobody (not recorded, "
                "not 'no one').",
            ),
        ),
        speaks=BOTH,
    ),
    "REQUESTED_BY": _r(
        "commitment",
        "organization action-group",
        sides=(forward("commitment", "requested_by", "node", "Who called for it."),),
        speaks=BOTH,
    ),
    "MADE_AT": _r(
        "commitment",
        "event",
        sides=(forward("commitment", "made_at", "event", "The event it was made at.", one=True),),
        speaks=FROM,
    ),
    # The meeting a commitment is to be met or reported at ("by the next GCG meeting"):
    # an alert watches that meeting's date as its due date (service/editing/alerts.py).
    "DUE_AT": _r(
        "commitment",
        "event",
        sides=(
            forward(
                "commitment",
                "due_at",
                "event",
                "The meeting it is to be met or reported at.",
                one=True,
            ),
        ),
        speaks=FROM,
    ),
    "FOR_INITIATIVE": _r(
        "commitment",
        "initiative",
        sides=(
            forward(
                "commitment",
                "initiative",
                "initiative",
                "The initiative or work plan it is for.",
                one=True,
            ),
        ),
        speaks=FROM,
    ),
    "CONCERNS": _r(
        "commitment",
        "country region",
        sides=(forward("commitment", "places", "place", "The countries and regions it concerns."),),
        speaks=FROM,
    ),
    # A dated progress update: the document that reports a commitment's status on a day.
    "PROGRESS_REPORTED": _r("commitment", "source", "progress", "progress since", speaks=FROM),
    # Indicators: the SDG targets one measures, the published figures that are its
    # observed values, and the initiatives and commitments that report against it.
    "MEASURES": _r(
        "indicator",
        "sdg-target",
        sides=(forward("indicator", "sdg_targets", "sdg-target", "SDG targets it measures."),),
        speaks=FROM,
    ),
    "OBSERVES": _r("need", "indicator", speaks=FROM),
    "REPORTS_ON": _r(
        "initiative commitment",
        "indicator",
        sides=(
            *(
                forward(kind, "indicators", "indicator", "The indicators it reports against.")
                for kind in ("initiative", "commitment")
            ),
            reverse(
                "indicator",
                "reported_on_by",
                "node",
                "Initiatives and commitments that report against it.",
            ),
        ),
        speaks=FROM,
    ),
    # Country coordination: a country's standing in the Alliance's country-level work,
    # one relationship per standing so that its history stays (interested, then
    # pathfinder), and the countries a body or initiative puts first, apart from where
    # it works.
    "COUNTRY_STATUS": _r(
        "organization",
        "country",
        "alliance_status",
        "alliance_status",
        keyed_by="alliance_status",
        speaks=BOTH,
    ),
    "PRIORITY_COUNTRY": _r(
        "organization action-group initiative",
        "country",
        sides=(
            forward("organization", "priority_countries", "country", _PRIORITY.format("it works")),
            forward(
                "action-group",
                "priority_countries",
                "country",
                _PRIORITY.format("work happens"),
            ),
            forward("initiative", "priority_countries", "country", _PRIORITY.format("it operates")),
            reverse(
                "country",
                "priority_of",
                "node",
                "The organizations, Alliance bodies and initiatives that count it among their "
                "priority countries (not the same as working here).",
            ),
        ),
        speaks=FROM,
    ),
    # The identity work: the two organization records a merge judgement is about.
    "JUDGES": _r(
        "merge-judgement",
        "organization",
        sides=(
            forward("merge-judgement", "organizations", "organization", "The two records judged."),
            reverse(
                "organization",
                "merge_judgements",
                "merge-judgement",
                "Decisions on whether it and another record are one organization.",
            ),
        ),
        speaks=TO,
    ),
    # A partner's figures for a reporting period: the initiative they are for (it speaks
    # for the initiative's doers) and the indicator an observed value is of.
    "PERIOD_OF": _r(
        "period-report",
        "initiative",
        sides=(
            forward(
                "period-report",
                "initiative",
                "initiative",
                "The initiative it reports on.",
                one=True,
            ),
            reverse(
                "initiative",
                "period_reports",
                "period-report",
                "Its reported figures, a report per reporting period.",
            ),
        ),
        speaks=TO,
    ),
    "OBSERVED_FOR": _r(
        "period-report",
        "indicator",
        sides=(
            forward(
                "period-report",
                "indicator",
                "indicator",
                "The indicator its observed value is of.",
                one=True,
            ),
            reverse(
                "indicator",
                "period_reports",
                "period-report",
                "Values observed by the initiatives that report against it, by period.",
            ),
        ),
        speaks=FROM,
    ),
}
# The relationship types the map draws itself (a country's regions, from the seed's
# geography), never written on their own, and the fields they give the records.
BUILT_SIDES: dict[str, tuple[Side, ...]] = {
    "IN_REGION": (
        forward(
            "country", "regions", "region", "Its UN M49 region and sub-region and its ILO region."
        ),
        reverse("region", "countries", "country", "Countries directly in this region."),
        reverse("region", "sub_regions", "region", "Regions directly inside this one."),
    ),
}


def sides(kind: str) -> dict[str, tuple[str, Side]]:
    """The fields a kind's records get from the relationships at them: each with its
    relationship type, by field name."""
    every = [
        *((t, s) for t, r in RELATIONSHIPS.items() for s in r.sides),
        *((t, s) for t, found in BUILT_SIDES.items() for s in found),
    ]
    return {s.field: (t, s) for t, s in every if s.on == kind}


# Relationship properties that hold the id of a record of a kind, checked like the ends.
ID_PROPERTIES = {"organization": "organization"}
# The properties any relationship written on its own may carry besides its citation.
EXTRA_PROPERTIES = (
    "role",
    "seat",
    "representative",
    "status",
    "reason",
    "organization",
    "standing",
    "decision",
    "constituency",
    "progress",
    "alliance_status",
    *BASIS,
    *TIME,
    *MONEY,
    *PEOPLE,
)

# The relationship types that put an organization in an initiative, an Alliance body or
# an event, as the GraphQL types list them.
INITIATIVE_ROLES = ("LEADS", "IMPLEMENTS", "FUNDS", "PARTNERS_IN", "HOSTS", "REQUESTED", "PROPOSED")
GROUP_ROLES = ("CHAIRS", "MEMBER_OF", "SUPPORTS")
EVENT_ROLES = ("ATTENDED", "SENT_APOLOGIES", "CHAIRED", "HOSTS", "ORGANIZED")


@dataclass(frozen=True)
class FieldLink:
    """A record field whose values are ids of another kind: each becomes one relationship
    of `type` from the record. It is changed by updating the record, not on its own."""

    kind: str
    field: str
    type: str
    # The kind its ids name; several, space-separated, where it may name any of them.
    target: str


FIELD_LINKS = (
    FieldLink("organization", "based_in", "BASED_IN", "country"),
    FieldLink("action-group", "themes", "FOCUSES_ON", "theme"),
    FieldLink("initiative", "countries", "OPERATES_IN", "country"),
    FieldLink("initiative", "regions", "OPERATES_IN", "region"),
    FieldLink("initiative", "themes", "ADDRESSES", "theme"),
    FieldLink("initiative", "sdg_targets", "CONTRIBUTES_TO", "sdg-target"),
    FieldLink("event", "held_in", "HELD_IN", "country"),
    FieldLink("commitment", "made_by", "MADE_BY", "organization action-group"),
    FieldLink("commitment", "owners", "OWNED_BY", "organization action-group"),
    FieldLink("commitment", "requested_by", "REQUESTED_BY", "organization action-group"),
    FieldLink("commitment", "made_at", "MADE_AT", "event"),
    FieldLink("commitment", "due_at", "DUE_AT", "event"),
    FieldLink("commitment", "initiative", "FOR_INITIATIVE", "initiative"),
    FieldLink("commitment", "themes", "ADDRESSES", "theme"),
    FieldLink("commitment", "sdg_targets", "CONTRIBUTES_TO", "sdg-target"),
    FieldLink("commitment", "countries", "CONCERNS", "country"),
    FieldLink("commitment", "regions", "CONCERNS", "region"),
    FieldLink("indicator", "themes", "ADDRESSES", "theme"),
    FieldLink("indicator", "sdg_targets", "MEASURES", "sdg-target"),
    FieldLink("merge-judgement", "organizations", "JUDGES", "organization"),
    FieldLink("period-report", "initiative", "PERIOD_OF", "initiative"),
    FieldLink("period-report", "indicator", "OBSERVED_FOR", "indicator"),
)


def field_links(kind: str) -> dict[str, str]:
    """A kind's id-holding fields and the relationship type each becomes."""
    return {f.field: f.type for f in FIELD_LINKS if f.kind == kind}


class RelationshipRecord(PeopleCounts):
    """A relationship written on its own, and what it carries besides its citation."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: MapId = Field(alias="from")
    type: RelationshipType
    to: MapId
    role: ChairRole | None = None
    seat: str | None = None
    representative: str | None = None
    status: PartnershipStatus | None = None
    reason: str | None = None
    organization: MapId | None = None
    standing: MembershipStanding | None = None
    decision: str | None = None
    constituency: str | None = None
    progress: CommitmentStatus | None = None
    alliance_status: CountryStatus | None = None
    note: str | None = None
    basis: FactBasis | None = None
    inferred_from: str | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    as_of: PartialDate | None = None
    budget: Amount | None = None
    committed: Amount | None = None
    disbursed: Amount | None = None
    spent: Amount | None = None
    currency: Currency | None = None
    period_start: PartialDate | None = None
    period_end: PartialDate | None = None
