"""What queries return: one type per kind of node, all implementing `MapNode`, and the
typed relationships between them (who chairs, who leads, who attended), each with the
citation behind it. Resolvers ask the per-request loaders; none runs Cypher itself."""

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from service.api.graphql.context import Context
from service.api.graphql.inputs import (
    ActionGroupKind,
    DocumentType,
    EventKind,
    EventRole,
    EventStatus,
    FactBasis,
    GroupRole,
    InitiativeKind,
    InitiativeRole,
    InitiativeStatus,
    OrganizationType,
    PartnershipStatus,
)
from service.domain.links import CITATIONS, LinkSpec
from service.domain.records import LinkRecord, Provenance
from service.errors import BadInput
from service.model.fields import camel_case, ended
from service.model.kinds import alias_parts, inferred_parts
from service.model.records import MapRecord
from service.model.relationships import (
    EVENT_ROLES,
    GROUP_ROLES,
    INITIATIVE_ROLES,
    MONEY,
    PEOPLE_GROUPS,
    RELATIONSHIPS,
    TIME,
)

if TYPE_CHECKING:
    from service.api.graphql.accountability import (
        Commitment,
        CountryStanding,
        Indicator,
        Membership,
        Seat,
    )

Ctx = Info[Context, None]
# People, memberships, commitments and indicators are described in their own module, which
# builds on this one: the fields here that return them name their types lazily (strawberry
# reads that module when it builds the schema) and call the resolvers it hands in to
# `LATER` when it is read, so no import runs back from this module to that one.
_ACCOUNTABILITY = "service.api.graphql.accountability"
LATER: dict[str, Callable[..., Awaitable[list[Any]]]] = {}
Seats = list[Annotated["Seat", strawberry.lazy(_ACCOUNTABILITY)]]
Memberships = list[Annotated["Membership", strawberry.lazy(_ACCOUNTABILITY)]]
Commitments = list[Annotated["Commitment", strawberry.lazy(_ACCOUNTABILITY)]]
Indicators = list[Annotated["Indicator", strawberry.lazy(_ACCOUNTABILITY)]]
CountryStandings = list[Annotated["CountryStanding", strawberry.lazy(_ACCOUNTABILITY)]]
# Relationship types with a published need figure at one end. A need figure is no record of
# the map (no Node type): `relationships` does not list them, and a client asking for them is
# pointed to where need figures are read (Country.need, Indicator.values, coverage).
NEED_TYPES = frozenset(t for t, r in RELATIONSHIPS.items() if "need" in r.starts | r.ends)
# The stored relationships `relationships` lists when asked for none in particular.
STORED_TYPES = tuple(sorted(set(RELATIONSHIPS) - {"IN_REGION", "CITED_IN"} - NEED_TYPES))
# A relationship's properties that NodeRelationship gives fields of their own.
_SHOWN_APART = frozenset(("key", "source", "section", "note", "basis", "inferred_from", *TIME))
N = TypeVar("N")


async def _links(info: Ctx, node_id: str, direction: str, *types: str) -> list[LinkRecord]:
    spec = LinkSpec(tuple(sorted(types)), direction)  # type: ignore[arg-type]
    return await info.context.links(spec, node_id)


async def _ends(info: Ctx, node_id: str, direction: str, kind: str, *types: str) -> list[Any]:
    """The nodes of one kind at the far end of the given links."""
    return [
        node_of(link.node)
        for link in await _links(info, node_id, direction, *types)
        if link.node.kind == kind
    ]


@strawberry.type(description="Where a fact comes from.")
class Citation:
    source: "Source | None" = strawberry.field(
        description="The source document, where the citation names one."
    )
    section: str | None = strawberry.field(
        description="The section of the source, if it has sections."
    )
    note: str | None = strawberry.field(
        description="What the source says, in this project's words."
    )
    basis: FactBasis = strawberry.field(
        default=FactBasis.STATED,
        description="STATED: the source says so; INFERRED: the map infers it from what the "
        "source says (inferredFrom says from what).",
    )
    inferred_from: str | None = strawberry.field(
        default=None, description="For an inferred fact, what it is inferred from."
    )

    @classmethod
    def of(cls, provenance: Provenance) -> "Citation":
        source = Source.of(provenance.source) if provenance.source else None
        return cls(
            source=source,
            section=provenance.section,
            note=provenance.note,
            basis=FactBasis(provenance.basis),
            inferred_from=provenance.inferred_from,
        )


@strawberry.type(description="A relationship of a node, seen from it, with its provenance.")
class NodeRelationship:
    type: str = strawberry.field(description="Its type, such as MEMBER_OF or FOLLOWS_UP.")
    outgoing: bool = strawberry.field(
        description="True if it runs from this node to the other, false if it runs in."
    )
    node: "MapNode" = strawberry.field(description="The node at the other end.")
    properties: JSON = strawberry.field(
        description="What it carries besides its citation (a seat, a role, money, people...)."
    )
    provenance: Citation = strawberry.field(description="The source that says so, and how.")
    since: str | None = strawberry.field(
        description="The date it holds from, where its source says (YYYY, YYYY-MM or "
        "YYYY-MM-DD); null: not known."
    )
    until: str | None = strawberry.field(
        description="The date it held until, where its source says; null: not known to have ended."
    )
    as_of: str | None = strawberry.field(
        description="The day it is known to hold: its source's date (13 November 2017 for "
        "the GCG report) or the day of the edit that added it; null: never verified (an "
        "import). A fact known only as of long ago may no longer hold."
    )
    ended: bool = strawberry.field(
        description="True if its `until` is before today; false says only that no end is "
        "recorded (see asOf for how old that knowledge is)."
    )


# Named Node in the schema: the Relay interface clients expect (a global, stable id that
# `node(id)` fetches again), with the fields every record on the map has.
@strawberry.interface(
    name="Node",
    description="Anything on the map, Relay's Node: ids are global and stable (kind:key), "
    "and `node(id)` fetches any of them again.",
)
class MapNode:
    id: strawberry.ID = strawberry.field(
        description="The record's stable id, kind:key, such as organization:ilo."
    )
    kind: str = strawberry.field(
        description="The kind of record: organization, initiative, action-group, country, "
        "region, sdg, sdg-target, theme, event, source, person, commitment or indicator."
    )
    name: str = strawberry.field(
        description="Its name (a source's title, an SDG target's short title)."
    )
    version: int = strawberry.field(
        description="Goes up by one with every change; an update must send the version it read."
    )
    retired: bool = strawberry.field(
        description="True for a retired record, shown only where includeRetired asks for it."
    )
    last_verified: str | None = strawberry.field(
        description="When its facts were last checked against a source: the seed's are the "
        "date of the document they come from (13 November 2017 for the GCG report), an "
        "edit's the day it was made. Null: never verified (an imported record). A fact "
        "verified long ago may no longer hold."
    )
    inferred: list["Inference"] = strawberry.field(
        description="Its fields that its sources do not state but that the map infers from "
        "them, each with what from (a year worked out from 'in July' in a report of "
        "November 2017); every other field is as its sources state it."
    )

    @strawberry.field(
        description="Its stored relationships of the given types (all but citations, "
        "region nesting and need figures when none are given), each with the node at the "
        "other end and its provenance: how a membership, a follow-up or an endorsement is "
        "known. Need figures are read through Country.need, Indicator.values and coverage."
    )
    async def relationships(
        self, info: Ctx, types: list[str] | None = None
    ) -> list[NodeRelationship]:
        wanted = tuple(types) if types else STORED_TYPES
        unknown = sorted(set(wanted) - set(RELATIONSHIPS))
        if unknown:
            raise BadInput(f"types: {', '.join(unknown)} is no relationship type")
        if NEED_TYPES & set(wanted):
            raise BadInput(
                f"types: {', '.join(sorted(NEED_TYPES & set(wanted)))} join published need "
                "figures, which are read through Country.need, Indicator.values and coverage"
            )
        links = await _links(info, str(self.id), "both", *wanted)
        return [
            NodeRelationship(
                type=link.type,
                outgoing=link.outgoing,
                node=node_of(link.node),
                properties=cast(
                    JSON,
                    {k: v for k, v in link.props.items() if k not in _SHOWN_APART},
                ),
                provenance=Citation.of(link.provenance),
                since=_text(link.props.get("since")),
                until=_text(link.props.get("until")),
                as_of=_text(link.props.get("as_of")),
                ended=ended(link.props.get("until"), date.today()),
            )
            for link in links
        ]

    @strawberry.field(description="The documents, and sections, this node is known from.")
    async def sources(self, info: Ctx) -> list[Citation]:
        links = await info.context.links(CITATIONS, str(self.id))
        return [
            Citation(
                source=Source.of(link.node),
                section=link.props.get("section"),
                note=link.props.get("note"),
            )
            for link in links
        ]


def _text(value: Any) -> str | None:
    """A stored date (text or a Neo4j date) as text."""
    return None if value is None else str(value)


@strawberry.type(description="A field of a record that its sources do not state outright.")
class Inference:
    field: str = strawberry.field(description="The field, as GraphQL names it (date, founded).")
    inferred_from: str = strawberry.field(description="What it is inferred from.")


def _inferences(props: dict[str, Any]) -> list[Inference]:
    found = [inferred_parts(str(i)) for i in props.get("inferred") or []]
    return [Inference(field=camel_case(field), inferred_from=why) for field, why in found]


@strawberry.type(description="Another name a record goes by, and the language it is in.")
class Alias:
    name: str = strawberry.field(description="The name, as written in that language.")
    language: str = strawberry.field(
        description="The language, as an ISO 639 code (en, fr, es...)."
    )


def _aliases(props: dict[str, Any]) -> list[Alias]:
    found = [alias_parts(str(a)) for a in props.get("aliases") or []]
    return [Alias(name=name, language=language) for language, name in found]


_ALIASES = "Other names it goes by (in French, Spanish, short...), each with its language."


def _base(record: MapRecord) -> dict[str, Any]:
    return {
        "id": strawberry.ID(record.id),
        "kind": record.kind,
        "name": record.name,
        "version": int(record.props.get("version", 1)),
        "retired": "retired" in record.props,
        "last_verified": record.props.get("last_verified"),
        "inferred": _inferences(record.props),
    }


@strawberry.type(description="A document the map's facts come from.")
class Source(MapNode):
    title: str = strawberry.field(description="The document's title.")
    publisher: str | None = strawberry.field(description="Who published it.")
    date: str | None = strawberry.field(description="When it was published, as precise as known.")
    url: str | None = strawberry.field(description="Where it can be read.")
    description: str | None = strawberry.field(description="What it is, in this project's words.")
    sections: list[str] = strawberry.field(
        description="The sections citations may name, if it has any."
    )
    document_type: DocumentType | None = strawberry.field(
        description="What kind of document it is; null: not recorded."
    )
    language: str | None = strawberry.field(
        description="The language it is written in (ISO 639); null: not recorded."
    )

    @classmethod
    def of(cls, r: MapRecord) -> "Source":
        p = r.props
        kind = p.get("document_type")
        return cls(
            **_base(r),
            title=p.get("name", r.id),
            publisher=p.get("publisher"),
            date=p.get("date"),
            url=p.get("url"),
            description=p.get("description"),
            sections=list(p.get("sections") or []),
            document_type=DocumentType(kind) if kind else None,
            language=p.get("language"),
        )

    @strawberry.field(
        description="What it is evidence about: themes, places and initiatives (the evidence "
        "directory); empty where none is recorded."
    )
    async def evidence_about(self, info: Ctx) -> list[MapNode]:
        links = await _links(info, str(self.id), "out", "EVIDENCE_ABOUT")
        return [node_of(link.node) for link in links]


async def _evidence(info: Ctx, node_id: str) -> list[Source]:
    """The documents recorded as evidence about a record."""
    return await _ends(info, node_id, "in", "source", "EVIDENCE_ABOUT")


@strawberry.type(
    description="Money an organization gives an initiative, as an IATI file reports it: "
    "amounts in one currency, never converted, over the period its budgets and "
    "transactions span. An amount not reported is null, never zero."
)
class Funding:
    currency: str = strawberry.field(description="The ISO 4217 code of every amount here.")
    budget: float | None = strawberry.field(
        description="The budget the funder reports for the activity (revised where revised)."
    )
    committed: float | None = strawberry.field(description="Commitments, added up.")
    disbursed: float | None = strawberry.field(
        description="Disbursements, and funds the activity received from this funder."
    )
    spent: float | None = strawberry.field(description="Expenditure, added up.")
    period_start: str | None = strawberry.field(description="The earliest date of the amounts.")
    period_end: str | None = strawberry.field(description="The latest date of the amounts.")

    @classmethod
    def of(cls, props: dict[str, Any]) -> "Funding | None":
        currency = props.get("currency")
        if not currency:
            return None
        amounts = {name: props.get(name) for name in MONEY if name != "currency"}
        return cls(currency=str(currency), **amounts)


@strawberry.type(description="People counted in one group (all, by sex, by sex and age).")
class PeopleGroupCount:
    group: str = strawberry.field(
        description="all, female, male, children (under 18), girls, boys, adults (18 to 59), "
        "women, men, elderly (60 and over), older_women or older_men."
    )
    targeted: int | None = strawberry.field(description="People targeted; null if not given.")
    reached: int | None = strawberry.field(description="People reached; null if not given.")


@strawberry.type(
    description="People an initiative targets and reaches in one place, as its source (a 3W "
    "sheet) counts them: the sum of its rows there, so a person reached by two activities "
    "counts twice, as in the sheet."
)
class PeopleInPlace:
    place: "Place" = strawberry.field(description="The country or region counted in.")
    targeted: int | None = strawberry.field(description="People targeted in all, if given.")
    reached: int | None = strawberry.field(description="People reached in all, if given.")
    groups: list[PeopleGroupCount] = strawberry.field(
        description="Every group the source counts, all included; groups it does not count "
        "are left out rather than shown as zero."
    )
    provenance: Citation = strawberry.field(description="The source that says so.")

    @classmethod
    def of(cls, link: LinkRecord) -> "PeopleInPlace":
        p = link.props
        groups = [
            PeopleGroupCount(
                group=group or "all",
                targeted=p.get(f"targeted_{group}" if group else "targeted"),
                reached=p.get(f"reached_{group}" if group else "reached"),
            )
            for group in PEOPLE_GROUPS
        ]
        return cls(
            place=cast(Place, node_of(link.node)),
            targeted=p.get("targeted"),
            reached=p.get("reached"),
            groups=[g for g in groups if g.targeted is not None or g.reached is not None],
            provenance=Citation.of(link.provenance),
        )


@strawberry.type(description="An organization's role in an initiative.")
class InitiativeParticipation:
    role: InitiativeRole = strawberry.field(
        description="What the organization does in the initiative."
    )
    funding: Funding | None = strawberry.field(
        description="For a funder, the money it gives, where its source reports amounts."
    )
    organization: "Organization" = strawberry.field(description="The organization taking part.")
    initiative: "Initiative" = strawberry.field(description="The initiative it takes part in.")
    provenance: Citation = strawberry.field(description="The source that says so.")


@strawberry.type(description="An organization's place in an action group or Alliance body.")
class GroupMembership:
    role: GroupRole = strawberry.field(
        description="Chair, co-chair, deputy chair, member or supporter."
    )
    seat: str | None = strawberry.field(
        description="The seat held (such as a constituency), where the source names it."
    )
    representative: str | None = strawberry.field(
        description="Who represents the organization in the seat, as the source names them."
    )
    organization: "Organization" = strawberry.field(
        description="The organization holding the place."
    )
    action_group: "ActionGroup" = strawberry.field(description="The action group or Alliance body.")
    provenance: Citation = strawberry.field(description="The source that says so.")


@strawberry.type(description="How an organization took part in an event.")
class EventParticipation:
    role: EventRole = strawberry.field(
        description="Attended, sent apologies, chaired, hosted or organized."
    )
    seat: str | None = strawberry.field(
        description="The seat it held at the event, where the source names it."
    )
    representative: str | None = strawberry.field(
        description="Who represented the organization, as the source names them."
    )
    organization: "Organization" = strawberry.field(description="The organization taking part.")
    event: "Event" = strawberry.field(description="The event.")
    provenance: Citation = strawberry.field(description="The source that says so.")


@strawberry.type(description="A partnership that is blocked or pending, and why.")
class Partnership:
    status: PartnershipStatus = strawberry.field(description="Blocked or pending.")
    reason: str | None = strawberry.field(description="Why, as the source gives it.")
    organization: "Organization" = strawberry.field(
        description="The organization whose partnership it is."
    )
    partner: MapNode = strawberry.field(
        description="The body or organization it would partner with."
    )
    provenance: Citation = strawberry.field(description="The source that says so.")


def _group_role(link: LinkRecord) -> GroupRole:
    if link.type == "CHAIRS":
        return GroupRole(link.props["role"])
    return GroupRole.MEMBER if link.type == "MEMBER_OF" else GroupRole.SUPPORTER


def _membership(link: LinkRecord, here: MapRecord) -> GroupMembership:
    org, group = link.start_and_end(here)
    return GroupMembership(
        role=_group_role(link),
        seat=link.props.get("seat"),
        representative=link.props.get("representative"),
        organization=Organization.of(org),
        action_group=ActionGroup.of(group),
        provenance=Citation.of(link.provenance),
    )


def _participation(link: LinkRecord, here: MapRecord) -> InitiativeParticipation:
    org, initiative = link.start_and_end(here)
    return InitiativeParticipation(
        role=InitiativeRole(link.type),
        funding=Funding.of(link.props) if link.type == "FUNDS" else None,
        organization=Organization.of(org),
        initiative=Initiative.of(initiative),
        provenance=Citation.of(link.provenance),
    )


def _attendance(link: LinkRecord, here: MapRecord) -> EventParticipation:
    org, event = link.start_and_end(here)
    return EventParticipation(
        role=EventRole(link.type),
        seat=link.props.get("seat"),
        representative=link.props.get("representative"),
        organization=Organization.of(org),
        event=Event.of(event),
        provenance=Citation.of(link.provenance),
    )


def _partnership(link: LinkRecord, here: MapRecord) -> Partnership:
    org, partner = link.start_and_end(here)
    return Partnership(
        status=PartnershipStatus(link.props["status"]),
        reason=link.props.get("reason"),
        organization=Organization.of(org),
        partner=node_of(partner),
        provenance=Citation.of(link.provenance),
    )


def _record(node: MapNode, props: dict[str, Any]) -> MapRecord:
    return MapRecord(str(node.id), props)


@strawberry.type(
    description="An organization: UN agency, government, union, employer, business, NGO..."
)
class Organization(MapNode):
    acronym: str | None = strawberry.field(description="Its usual acronym, such as ILO.")
    type: OrganizationType = strawberry.field(description="What kind of body it is.")
    founded: str | None = strawberry.field(
        description="When it was founded or launched, as precise as known (see its sources "
        "for whether the date is stated or inferred)."
    )
    iati_ref: str | None = strawberry.field(
        description="Its IATI organisation identifier, by which IATI files name it."
    )
    description: str | None = strawberry.field(description="What it is, in this project's words.")
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def of(cls, r: MapRecord) -> "Organization":
        return cls(
            **_base(r),
            acronym=r.props.get("acronym"),
            type=OrganizationType(r.props["type"]),
            founded=r.props.get("founded"),
            iati_ref=r.props.get("iati_ref"),
            description=r.props.get("description"),
            _props=r.props,
        )

    @strawberry.field(description=_ALIASES)
    def aliases(self) -> list[Alias]:
        return _aliases(self._props)

    @strawberry.field(
        description="The initiatives it leads, implements, funds, hosts or partners in."
    )
    async def initiatives(
        self, info: Ctx, roles: list[InitiativeRole] | None = None
    ) -> list[InitiativeParticipation]:
        links = await _links(info, str(self.id), "out", *INITIATIVE_ROLES)
        found = [
            _participation(lk, _record(self, self._props))
            for lk in links
            if lk.node.kind == "initiative"
        ]
        return [p for p in found if roles is None or p.role in roles]

    @strawberry.field(
        description="The action groups and Alliance bodies it chairs, sits on or supports."
    )
    async def action_groups(
        self, info: Ctx, roles: list[GroupRole] | None = None
    ) -> list[GroupMembership]:
        links = await _links(info, str(self.id), "out", *GROUP_ROLES)
        found = [
            _membership(lk, _record(self, self._props))
            for lk in links
            if lk.node.kind == "action-group"
        ]
        return [m for m in found if roles is None or m.role in roles]

    @strawberry.field(
        description="The events it attended, chaired, hosted, organized or sent apologies to."
    )
    async def events(
        self, info: Ctx, roles: list[EventRole] | None = None
    ) -> list[EventParticipation]:
        links = await _links(info, str(self.id), "out", *EVENT_ROLES)
        found = [
            _attendance(lk, _record(self, self._props)) for lk in links if lk.node.kind == "event"
        ]
        return [e for e in found if roles is None or e.role in roles]

    @strawberry.field(description="Partnerships of its that are blocked or pending.")
    async def partnerships(self, info: Ctx) -> list[Partnership]:
        links = await _links(info, str(self.id), "out", "PARTNERSHIP_WITH")
        return [_partnership(lk, _record(self, self._props)) for lk in links]

    @strawberry.field(
        description="Where it stands with the Alliance and its bodies: its seats as a "
        "member, and any observer, partner, pending, declined, blocked or withdrawn standing."
    )
    async def memberships(self, info: Ctx) -> Memberships:
        return await LATER["memberships_of"](info, _record(self, self._props), "out")

    @strawberry.field(description="The commitments it made, owns or called for.")
    async def commitments(self, info: Ctx) -> Commitments:
        return await LATER["commitments_of"](
            info, str(self.id), "MADE_BY", "OWNED_BY", "REQUESTED_BY"
        )

    @strawberry.field(
        description="The people who hold a seat for it, on Alliance bodies and at meetings."
    )
    async def people(self, info: Ctx) -> Seats:
        return await LATER["seats_for"](info, str(self.id))

    @strawberry.field(description="The countries it puts first (apart from where it works).")
    async def priority_countries(self, info: Ctx) -> list["Country"]:
        return await _ends(info, str(self.id), "out", "country", "PRIORITY_COUNTRY")

    @strawberry.field(description="The countries it is based in.")
    async def based_in(self, info: Ctx) -> list["Country"]:
        return await _ends(info, str(self.id), "out", "country", "BASED_IN")

    @strawberry.field(
        description="Themes it works on: those the map records for it directly, else, "
        "derived, the themes of the initiatives it takes part in (themesBasis says which)."
    )
    async def themes(self, info: Ctx) -> list["Theme"]:
        own = await _ends(info, str(self.id), "out", "theme", "ADDRESSES")
        return own or await self._derived_themes(info)

    @strawberry.field(
        description="STATED: its themes are recorded for it; INFERRED: derived from its "
        "initiatives' themes, as none are recorded for it."
    )
    async def themes_basis(self, info: Ctx) -> FactBasis:
        own = await _ends(info, str(self.id), "out", "theme", "ADDRESSES")
        return FactBasis.STATED if own else FactBasis.INFERRED

    async def _derived_themes(self, info: Ctx) -> list["Theme"]:
        roles = await _links(info, str(self.id), "out", *INITIATIVE_ROLES)
        initiatives = sorted({r.node.id for r in roles if r.node.kind == "initiative"})
        # Gathered, so the loader asks for every initiative's themes in one round trip.
        themes = await asyncio.gather(
            *(_ends(info, i, "out", "theme", "ADDRESSES") for i in initiatives)
        )
        found = {str(t.id): t for listed in themes for t in listed}
        return [found[k] for k in sorted(found)]


@strawberry.type(
    description="Goods the US Department of Labor listed in 2016 as produced in a country "
    "with child labour or forced labour: risk context, not prevalence, and an old edition."
)
class GoodsList:
    year: int = strawberry.field(description="The edition's year.")
    child_labour: list[str] = strawberry.field(description="Goods listed for child labour.")
    forced_labour: list[str] = strawberry.field(description="Goods listed for forced labour.")
    source: str = strawberry.field(description="The id of the list, a source on the map.")


@strawberry.type(
    description="A tier the US State Department's Trafficking in Persons Report gave a "
    "country's government: its response to trafficking, not prevalence."
)
class TipTier:
    year: int = strawberry.field(description="The report's year.")
    tier: str = strawberry.field(description="Tier 1, Tier 2, Tier 2 Watch List or Tier 3.")


@strawberry.type(description="A country, with its ISO codes and its UN and ILO regions.")
class Country(MapNode):
    iso3: str = strawberry.field(description="ISO 3166 alpha-3 code.")
    iso2: str = strawberry.field(description="ISO 3166 alpha-2 code.")
    m49: str | None = strawberry.field(description="UN M49 numeric code.")
    un_region: str | None = strawberry.field(description="Its UN M49 region, such as Africa.")
    un_sub_region: str | None = strawberry.field(
        description="Its UN M49 sub-region, such as Western Africa."
    )
    ilo_region: str | None = strawberry.field(
        description="Its ILO region, which regional need figures are given by."
    )
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def of(cls, r: MapRecord) -> "Country":
        p = r.props
        return cls(
            **_base(r),
            iso3=p["iso3"],
            iso2=p["iso2"],
            m49=p.get("m49"),
            un_region=p.get("un_region"),
            un_sub_region=p.get("un_sub_region"),
            ilo_region=p.get("ilo_region"),
            _props=p,
        )

    # The context lists are worked out only when asked: a place appears on many links.
    @strawberry.field(
        description="Context: the goods listed for it in the US goods list (2016); null if "
        "none is listed, which says nothing of its risk."
    )
    def goods_list(self) -> GoodsList | None:
        p = self._props
        if not p.get("goods_list_year"):
            return None
        return GoodsList(
            year=int(p["goods_list_year"]),
            child_labour=list(p.get("goods_child_labour") or []),
            forced_labour=list(p.get("goods_forced_labour") or []),
            source="source:usdol-goods-list-2016",
        )

    @strawberry.field(
        description="Context: its Trafficking in Persons Report tiers, 2001-2015, by year "
        "(source:us-tip-tiers-2001-2015); empty where it was not ranked."
    )
    def tip_tiers(self) -> list[TipTier]:
        return [
            TipTier(year=int(year), tier=tier.strip())
            for year, tier in (t.split(":", 1) for t in self._props.get("tip_tiers") or [])
        ]

    @strawberry.field(description="Its UN M49 region and sub-region and its ILO region.")
    async def regions(self, info: Ctx) -> list["Region"]:
        return await _ends(info, str(self.id), "out", "region", "IN_REGION")

    @strawberry.field(
        description="Documents recorded as evidence about it (the evidence directory)."
    )
    async def evidence(self, info: Ctx) -> list[Source]:
        return await _evidence(info, str(self.id))

    @strawberry.field(description="Organizations based here.")
    async def organizations(self, info: Ctx) -> list[Organization]:
        return await _ends(info, str(self.id), "in", "organization", "BASED_IN")

    @strawberry.field(
        description="Initiatives operating in this country itself (not via its regions)."
    )
    async def initiatives(self, info: Ctx) -> list["Initiative"]:
        return await _ends(info, str(self.id), "in", "initiative", "OPERATES_IN")

    @strawberry.field(description="Events held here.")
    async def events(self, info: Ctx) -> list["Event"]:
        return await _ends(info, str(self.id), "in", "event", "HELD_IN")

    @strawberry.field(
        description="Its standing in the Alliance's country-level work over time (such as a "
        "pathfinder country, and since when), earliest first; empty where none is recorded."
    )
    async def alliance_status(self, info: Ctx) -> CountryStandings:
        return await LATER["country_standing"](info, str(self.id))

    @strawberry.field(
        description="Its national bodies coordinating work against forced labour, "
        "trafficking or child labour (organizations of type NATIONAL_COORDINATION based here)."
    )
    async def coordination_bodies(self, info: Ctx) -> list[Organization]:
        found: list[Organization] = await _ends(
            info, str(self.id), "in", "organization", "BASED_IN"
        )
        return [o for o in found if o.type == OrganizationType.NATIONAL_COORDINATION]

    @strawberry.field(
        description="The organizations, Alliance bodies and initiatives that count it among "
        "their priority countries (not the same as working here)."
    )
    async def priority_of(self, info: Ctx) -> list[MapNode]:
        links = await _links(info, str(self.id), "in", "PRIORITY_COUNTRY")
        return [node_of(link.node) for link in links]


@strawberry.type(description="A UN M49 region or sub-region, an ILO region, or the world.")
class Region(MapNode):
    scheme: str = strawberry.field(
        description="World, UN M49 region, UN M49 sub-region, ILO region or OSCE area."
    )

    @classmethod
    def of(cls, r: MapRecord) -> "Region":
        return cls(**_base(r), scheme=r.props.get("scheme", ""))

    @strawberry.field(description="Countries directly in this region.")
    async def countries(self, info: Ctx) -> list[Country]:
        return await _ends(info, str(self.id), "in", "country", "IN_REGION")

    @strawberry.field(description="Regions directly inside this one.")
    async def sub_regions(self, info: Ctx) -> list["Region"]:
        return await _ends(info, str(self.id), "in", "region", "IN_REGION")

    @strawberry.field(description="Initiatives operating across this region as a whole.")
    async def initiatives(self, info: Ctx) -> list["Initiative"]:
        return await _ends(info, str(self.id), "in", "initiative", "OPERATES_IN")

    @strawberry.field(
        description="Documents recorded as evidence about it (the evidence directory)."
    )
    async def evidence(self, info: Ctx) -> list[Source]:
        return await _evidence(info, str(self.id))


Place = Annotated[Country | Region, strawberry.union("Place", description="A country or a region.")]


@strawberry.type(description="One of the 17 Sustainable Development Goals.")
class Sdg(MapNode):
    number: int = strawberry.field(description="The goal's number, 1 to 17.")

    @classmethod
    def of(cls, r: MapRecord) -> "Sdg":
        return cls(**_base(r), number=int(r.props["number"]))

    @strawberry.field(description="Its targets, in the framework's order.")
    async def targets(self, info: Ctx) -> list["SdgTarget"]:
        found: list[SdgTarget] = await _ends(info, str(self.id), "in", "sdg-target", "PART_OF")
        return sorted(found, key=lambda t: t.position)


@strawberry.type(description="One of the 169 SDG targets; the name is this project's short title.")
class SdgTarget(MapNode):
    code: str = strawberry.field(description="The target's code, such as 8.7.")
    goal_number: int = strawberry.field(description="The number of the goal it belongs to.")
    position: strawberry.Private[int]

    @classmethod
    def of(cls, r: MapRecord) -> "SdgTarget":
        return cls(
            **_base(r),
            code=r.props["code"],
            goal_number=int(r.props["goal"]),
            position=int(r.props.get("position", 0)),
        )

    @strawberry.field(description="The goal it belongs to.")
    async def goal(self, info: Ctx) -> Sdg | None:
        goals: list[Sdg] = await _ends(info, str(self.id), "out", "sdg", "PART_OF")
        return goals[0] if goals else None

    @strawberry.field(description="Initiatives contributing to this target.")
    async def initiatives(self, info: Ctx) -> list["Initiative"]:
        return await _ends(info, str(self.id), "in", "initiative", "CONTRIBUTES_TO")


@strawberry.type(description="A theme work is organised around, such as child labour or migration.")
class Theme(MapNode):
    description: str | None = strawberry.field(
        description="What the theme covers, in this project's words."
    )

    @classmethod
    def of(cls, r: MapRecord) -> "Theme":
        return cls(**_base(r), description=r.props.get("description"))

    @strawberry.field(description="Initiatives addressing this theme.")
    async def initiatives(self, info: Ctx) -> list["Initiative"]:
        return await _ends(info, str(self.id), "in", "initiative", "ADDRESSES")

    @strawberry.field(description="Action groups focusing on this theme.")
    async def action_groups(self, info: Ctx) -> list["ActionGroup"]:
        return await _ends(info, str(self.id), "in", "action-group", "FOCUSES_ON")

    @strawberry.field(description="SDGs the report ties this theme to.")
    async def sdgs(self, info: Ctx) -> list[Sdg]:
        return await _ends(info, str(self.id), "out", "sdg", "RELATES_TO")

    @strawberry.field(description="Indicators that measure this theme.")
    async def indicators(self, info: Ctx) -> Indicators:
        return await _ends(info, str(self.id), "in", "indicator", "ADDRESSES")

    @strawberry.field(
        description="Documents recorded as evidence about it (the evidence directory)."
    )
    async def evidence(self, info: Ctx) -> list[Source]:
        return await _evidence(info, str(self.id))


@strawberry.type(description="A project, platform, study, report, tool, process or plan.")
class Initiative(MapNode):
    initiative_kind: InitiativeKind = strawberry.field(
        description="What the initiative is: a platform, a study, a plan, a project..."
    )
    status: InitiativeStatus = strawberry.field(description="Where it stands, as its source tells.")
    description: str | None = strawberry.field(description="What it is, in this project's words.")
    start: str | None = strawberry.field(
        description="As precise as known: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    end: str | None = strawberry.field(
        description="As precise as known: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    areas: list[str] = strawberry.field(
        description="Provinces, states and districts it works in, by name (from 3W tables)."
    )
    sectors: list[str] = strawberry.field(
        description="Sectors its source names that are no theme on the map, as written."
    )
    iati_identifier: str | None = strawberry.field(
        description="Its IATI activity identifier, when it came from an IATI file."
    )
    status_since: str | None = strawberry.field(
        description="The date its status is known to hold from: the date its source gives, "
        "else the source's own date (the seed's) or the day of the edit that set it; null "
        "for an import that gives none."
    )
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def of(cls, r: MapRecord) -> "Initiative":
        p = r.props
        return cls(
            **_base(r),
            initiative_kind=InitiativeKind(p["kind"]),
            status=InitiativeStatus(p["status"]),
            description=p.get("description"),
            start=p.get("start"),
            end=p.get("end"),
            areas=list(p.get("areas") or []),
            sectors=list(p.get("sectors") or []),
            iati_identifier=p.get("iati_identifier"),
            status_since=_text(p.get("status_since")),
            _props=p,
        )

    @strawberry.field(description=_ALIASES)
    def aliases(self) -> list[Alias]:
        return _aliases(self._props)

    @strawberry.field(description="Organizations and their roles in it.")
    async def participants(
        self, info: Ctx, roles: list[InitiativeRole] | None = None
    ) -> list[InitiativeParticipation]:
        links = await _links(info, str(self.id), "in", *INITIATIVE_ROLES)
        found = [
            _participation(lk, _record(self, self._props))
            for lk in links
            if lk.node.kind == "organization"
        ]
        return [p for p in found if roles is None or p.role in roles]

    @strawberry.field(description="Where it operates: countries and regions (the world included).")
    async def operates_in(self, info: Ctx) -> list[Place]:
        links = await _links(info, str(self.id), "out", "OPERATES_IN")
        return [cast(Place, node_of(link.node)) for link in links]

    @strawberry.field(
        description="People it targets and reaches, place by place, where its source counts "
        "them (3W sheets); empty where no source does, which is not zero."
    )
    async def people(self, info: Ctx) -> list[PeopleInPlace]:
        links = await _links(info, str(self.id), "out", "REACHES")
        return [PeopleInPlace.of(link) for link in links]

    @strawberry.field(description="Themes it addresses.")
    async def themes(self, info: Ctx) -> list[Theme]:
        return await _ends(info, str(self.id), "out", "theme", "ADDRESSES")

    @strawberry.field(description="SDG targets it contributes to.")
    async def sdg_targets(self, info: Ctx) -> list[SdgTarget]:
        return await _ends(info, str(self.id), "out", "sdg-target", "CONTRIBUTES_TO")

    @strawberry.field(description="Action groups coordinating it.")
    async def coordinated_by(self, info: Ctx) -> list["ActionGroup"]:
        return await _ends(info, str(self.id), "in", "action-group", "COORDINATES")

    @strawberry.field(
        description="Action groups that endorsed it (an endorsement, not coordination)."
    )
    async def endorsed_by(self, info: Ctx) -> list["ActionGroup"]:
        return await _ends(info, str(self.id), "in", "action-group", "ENDORSED")

    @strawberry.field(description="Events that are part of it.")
    async def events(self, info: Ctx) -> list["Event"]:
        return await _ends(info, str(self.id), "in", "event", "PART_OF")

    @strawberry.field(
        description="The commitments for it: for a work plan, its parts, each with its owners."
    )
    async def commitments(self, info: Ctx) -> Commitments:
        return await LATER["commitments_of"](info, str(self.id), "FOR_INITIATIVE")

    @strawberry.field(description="The indicators it reports against.")
    async def indicators(self, info: Ctx) -> Indicators:
        return await _ends(info, str(self.id), "out", "indicator", "REPORTS_ON")

    @strawberry.field(description="The countries it puts first (apart from where it operates).")
    async def priority_countries(self, info: Ctx) -> list[Country]:
        return await _ends(info, str(self.id), "out", "country", "PRIORITY_COUNTRY")

    @strawberry.field(
        description="Documents recorded as evidence about it (the evidence directory)."
    )
    async def evidence(self, info: Ctx) -> list[Source]:
        return await _evidence(info, str(self.id))


@strawberry.type(
    description="An action group, or another Alliance body (GCG, Friends, Secretariat)."
)
class ActionGroup(MapNode):
    acronym: str | None = strawberry.field(description="Its usual acronym, such as GCG.")
    group_kind: ActionGroupKind = strawberry.field(
        description="Action group, coordinating group, friends group or secretariat."
    )
    description: str | None = strawberry.field(description="What it is, in this project's words.")
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def of(cls, r: MapRecord) -> "ActionGroup":
        p = r.props
        return cls(
            **_base(r),
            acronym=p.get("acronym"),
            group_kind=ActionGroupKind(p["kind"]),
            description=p.get("description"),
            _props=p,
        )

    @strawberry.field(description=_ALIASES)
    def aliases(self) -> list[Alias]:
        return _aliases(self._props)

    @strawberry.field(
        description="Its members, chairs and supporters, with seat and representative."
    )
    async def members(
        self, info: Ctx, roles: list[GroupRole] | None = None
    ) -> list[GroupMembership]:
        return await self._members(info, roles)

    @strawberry.field(description="Who chairs, co-chairs or is deputy chair.")
    async def chairs(self, info: Ctx) -> list[GroupMembership]:
        return await self._members(
            info, [GroupRole.CHAIR, GroupRole.CO_CHAIR, GroupRole.DEPUTY_CHAIR]
        )

    async def _members(self, info: Ctx, roles: list[GroupRole] | None) -> list[GroupMembership]:
        links = await _links(info, str(self.id), "in", *GROUP_ROLES)
        found = [
            _membership(lk, _record(self, self._props))
            for lk in links
            if lk.node.kind == "organization"
        ]
        return [m for m in found if roles is None or m.role in roles]

    @strawberry.field(description="The initiatives it coordinates.")
    async def initiatives(self, info: Ctx) -> list[Initiative]:
        return await _ends(info, str(self.id), "out", "initiative", "COORDINATES")

    @strawberry.field(description="Themes it focuses on.")
    async def themes(self, info: Ctx) -> list[Theme]:
        return await _ends(info, str(self.id), "out", "theme", "FOCUSES_ON")

    @strawberry.field(description="Partnerships with it that are blocked or pending.")
    async def partnerships(self, info: Ctx) -> list[Partnership]:
        links = await _links(info, str(self.id), "in", "PARTNERSHIP_WITH")
        return [_partnership(lk, _record(self, self._props)) for lk in links]

    @strawberry.field(description="Events it organized.")
    async def events(self, info: Ctx) -> list["Event"]:
        return await _ends(info, str(self.id), "out", "event", "ORGANIZED")

    @strawberry.field(
        description="The people seated on it, seat by seat, with the organization each "
        "sits for (one person may hold two seats)."
    )
    async def seats(self, info: Ctx) -> Seats:
        return await LATER["seats_on"](info, _record(self, self._props), ("SEATED",))

    @strawberry.field(
        description="Where organizations stand with it: members with their seats, and "
        "observers, partners, pending, declined, blocked or withdrawn ones."
    )
    async def memberships(self, info: Ctx) -> Memberships:
        return await LATER["memberships_of"](info, _record(self, self._props), "in")

    @strawberry.field(description="The commitments it made, owns or called for.")
    async def commitments(self, info: Ctx) -> Commitments:
        return await LATER["commitments_of"](
            info, str(self.id), "MADE_BY", "OWNED_BY", "REQUESTED_BY"
        )

    @strawberry.field(description="The countries it puts first (apart from where work happens).")
    async def priority_countries(self, info: Ctx) -> list[Country]:
        return await _ends(info, str(self.id), "out", "country", "PRIORITY_COUNTRY")


@strawberry.type(description="A meeting, consultation, workshop, conference or convening.")
class Event(MapNode):
    event_kind: EventKind = strawberry.field(
        description="Meeting, consultation, workshop, conference or convening."
    )
    status: EventStatus = strawberry.field(description="Held, planned or recurring.")
    date: str | None = strawberry.field(description="As precise as known.")
    end_date: str | None = strawberry.field(
        description="The last day, as precise as known, for events of more than a day."
    )
    city: str | None = strawberry.field(description="The city it was held in.")
    description: str | None = strawberry.field(description="What it was, in this project's words.")
    _props: strawberry.Private[dict[str, Any]]

    @classmethod
    def of(cls, r: MapRecord) -> "Event":
        p = r.props
        return cls(
            **_base(r),
            event_kind=EventKind(p["kind"]),
            status=EventStatus(p["status"]),
            date=p.get("date"),
            end_date=p.get("end_date"),
            city=p.get("city"),
            description=p.get("description"),
            _props=p,
        )

    @strawberry.field(description=_ALIASES)
    def aliases(self) -> list[Alias]:
        return _aliases(self._props)

    @strawberry.field(description="The country it was held in.")
    async def country(self, info: Ctx) -> Country | None:
        found: list[Country] = await _ends(info, str(self.id), "out", "country", "HELD_IN")
        return found[0] if found else None

    @strawberry.field(
        description="Organizations that attended, chaired, hosted, organized or sent apologies."
    )
    async def participants(
        self, info: Ctx, roles: list[EventRole] | None = None
    ) -> list[EventParticipation]:
        links = await _links(info, str(self.id), "in", *EVENT_ROLES)
        found = [
            _attendance(lk, _record(self, self._props))
            for lk in links
            if lk.node.kind == "organization"
        ]
        return [e for e in found if roles is None or e.role in roles]

    @strawberry.field(
        description="The people who attended or chaired it, in their seats, with the "
        "organization each sat for."
    )
    async def people(self, info: Ctx) -> Seats:
        return await LATER["seats_on"](info, _record(self, self._props), ("ATTENDED", "CHAIRED"))

    @strawberry.field(description="The commitments made at it.")
    async def commitments(self, info: Ctx) -> Commitments:
        return await LATER["commitments_of"](info, str(self.id), "MADE_AT")


# The GraphQL type of each kind of record on the map.
TYPES: dict[str, Any] = {
    "organization": Organization,
    "initiative": Initiative,
    "action-group": ActionGroup,
    "country": Country,
    "region": Region,
    "sdg": Sdg,
    "sdg-target": SdgTarget,
    "theme": Theme,
    "event": Event,
    "source": Source,
}


def node_of(record: MapRecord) -> Any:
    """The GraphQL object for a map record, of the type its kind names."""
    return TYPES[record.kind].of(record)


def all_types() -> list[Any]:
    """Every record type, those registered from other modules included."""
    return list(TYPES.values())
