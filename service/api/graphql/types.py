"""What queries return: one type per kind of node, all implementing `MapNode`, and the
typed relationships between them (who chairs, who leads, who attended), each with the
citation behind it. Resolvers ask the per-request loaders; none runs Cypher itself."""

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Self, TypeVar, cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from service.api.graphql import inputs
from service.api.graphql.context import Context
from service.api.graphql.inputs import (
    EventRole,
    FactBasis,
    GroupRole,
    InitiativeRole,
    OrganizationType,
    PartnershipStatus,
)
from service.domain.links import CITATIONS, LinkSpec
from service.domain.records import LinkRecord, Provenance
from service.errors import BadInput
from service.model.fields import ended
from service.model.records import MapRecord
from service.model.relationships import (
    EVENT_ROLES,
    GROUP_ROLES,
    INITIATIVE_ROLES,
    MONEY,
    PEOPLE_GROUPS,
    RELATIONSHIPS,
    TIME,
    Side,
    sides,
)
from service.model.shown import INTEGER, SHOWN, TEXT, TEXTS, Prop, Shown

if TYPE_CHECKING:
    from service.api.graphql.accountability import (
        Commitment,
        CountryStanding,
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
CountryStandings = list[Annotated["CountryStanding", strawberry.lazy(_ACCOUNTABILITY)]]
# Relationship types with a published need figure at one end. A need figure is no record of
# the map (no Node type): `relationships` does not list them, and a client asking for them is
# pointed to where need figures are read (Country.need, Indicator.values, coverage).
NEED_TYPES = frozenset(t for t, r in RELATIONSHIPS.items() if "need" in r.starts | r.ends)
# The stored relationships `relationships` lists when asked for none in particular.
STORED_TYPES = tuple(sorted(set(RELATIONSHIPS) - {"IN_REGION", "CITED_IN"} - NEED_TYPES))
# The GraphQL type of each kind of record on the map, as `declared` makes them.
TYPES: dict[str, Any] = {}
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
    if TYPE_CHECKING:
        # What `declared` gives every kind's type: its record's properties (a private
        # field) and its declaration. Named here for the type checker only.
        _props: dict[str, Any]
        _shown: ClassVar[Shown]

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

    @classmethod
    def of(cls, record: MapRecord) -> Self:
        """The record as its kind's type, its properties read as its declaration says."""
        props = {p.field: _value(p, record) for p in cls._shown.props()}
        values: dict[str, Any] = {**_base(record), **props, "_props": record.props}
        return cls(**values)


def _text(value: Any) -> str | None:
    """A stored date (text or a Neo4j date) as text."""
    return None if value is None else str(value)


def _base(record: MapRecord) -> dict[str, Any]:
    return {
        "id": strawberry.ID(record.id),
        "kind": record.kind,
        "name": record.name,
        "version": int(record.props.get("version", 1)),
        "retired": "retired" in record.props,
        "last_verified": record.props.get("last_verified"),
    }


# --- The kinds' types, made from their declarations (service/model/shown.py) --------------

# The module each kind's type is written in, where it is not this one.
_HOMES = {"person": _ACCOUNTABILITY, "commitment": _ACCOUNTABILITY, "indicator": _ACCOUNTABILITY}
_HOLDS: dict[str, Any] = {TEXT: str, TEXTS: list[str], INTEGER: int}


def declared(kind: str) -> Callable[[type[N]], type[N]]:
    """Makes a kind's GraphQL type from its declaration: its properties and relationship
    sides as fields, in the declared order, and the hand-written fields of the decorated
    class (its specials, and the helpers they call) where the declaration places them. The
    type joins `TYPES`, so `node_of` makes it for a record of the kind."""
    shown = SHOWN[kind]

    def make(written: type[N]) -> type[N]:
        namespace: dict[str, Any] = {"__module__": written.__module__, "_shown": shown}
        notes: dict[str, Any] = {}
        props = {p.field: p for p in shown.props()}
        specials = {s.field for s in shown.specials()}
        links = sides(kind)
        for name in shown.order():
            if name in props:
                notes[name] = _annotation(props[name])
                namespace[name] = strawberry.field(description=props[name].description)
            elif name in specials:
                namespace[name] = vars(written)[name]
            else:
                namespace[name] = _side_field(written.__module__, *links[name])
        unplaced = [
            name
            for name, value in vars(written).items()
            if isinstance(value, dataclasses.Field) and name not in namespace
        ]
        if unplaced:
            raise TypeError(f"{kind}: {unplaced} are no Special of its declaration")
        helpers = {k: v for k, v in vars(written).items() if not k.startswith("__")}
        namespace.update({k: v for k, v in helpers.items() if k not in namespace})
        namespace["__annotations__"] = {**notes, "_props": strawberry.Private[dict[str, Any]]}
        made = type(written.__name__, (MapNode,), namespace)
        made.__qualname__ = written.__qualname__
        TYPES[kind] = strawberry.type(made, description=shown.description)
        return cast(type[N], TYPES[kind])

    return make


def _annotation(prop: Prop) -> Any:
    held = getattr(inputs, prop.enum) if prop.enum else _HOLDS[prop.holds]
    return held if prop.required or prop.holds == TEXTS else held | None


def _value(prop: Prop, record: MapRecord) -> Any:
    """A property as its declaration says: text (a Neo4j date as text), a list, a whole
    number or a value of its list; null where it is not stored."""
    value = record.props.get(prop.stored_as, prop.default)
    if value is None and prop.or_id:
        return record.id
    if prop.holds == TEXTS:
        return list(value or [])
    if value is None or (prop.enum and value == ""):
        return None
    if prop.enum:
        return getattr(inputs, prop.enum)(value)
    return int(value) if prop.holds == INTEGER else str(value)


def _side_field(module: str, link_type: str, side: Side) -> Any:
    """The field a relationship type gives the records at one of its ends."""
    direction = "out" if side.out else "in"

    async def far_ends(self: MapNode, info: Ctx) -> Any:
        if side.far in ("node", "place"):
            links = await _links(info, str(self.id), direction, link_type)
            return [node_of(link.node) for link in links]
        found = await _ends(info, str(self.id), direction, side.far, link_type)
        return (found[0] if found else None) if side.one else found

    far_ends.__module__ = module
    far_ends.__name__ = far_ends.__qualname__ = side.field
    far_ends.__annotations__["return"] = _far_type(side)
    return strawberry.field(resolver=far_ends, description=side.description)


def _far_type(side: Side) -> Any:
    if side.far == "node":
        return list[MapNode]
    if side.far == "place":
        return list["Place"]
    # Named lazily: the far kind's type may be made after this one, or in another module.
    far: Any = Annotated[SHOWN[side.far].name, strawberry.lazy(_HOMES.get(side.far, __name__))]
    return far | None if side.one else list[far]


@declared("source")
class Source(MapNode):
    """A document the map's facts come from: all declared."""


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


@declared("organization")
class Organization(MapNode):
    """An organization's specials: its parts in initiatives, bodies and events (with roles
    and provenance), its standing, commitments, people and themes."""

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


@declared("country")
class Country(MapNode):
    """A country's specials: its context lists, its standings and its coordination bodies."""

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
        national = OrganizationType.NATIONAL_COORDINATION
        return [o for o in found if OrganizationType(o._props["type"]) == national]


@declared("region")
class Region(MapNode):
    """A region: all declared."""


Place = Annotated[Country | Region, strawberry.union("Place", description="A country or a region.")]


@declared("sdg")
class Sdg(MapNode):
    """A goal's special: its targets in the framework's order."""

    @strawberry.field(description="Its targets, in the framework's order.")
    async def targets(self, info: Ctx) -> list["SdgTarget"]:
        found: list[SdgTarget] = await _ends(info, str(self.id), "in", "sdg-target", "PART_OF")
        return sorted(found, key=lambda t: int(t._props.get("position", 0)))


@declared("sdg-target")
class SdgTarget(MapNode):
    """An SDG target: all declared."""


@declared("theme")
class Theme(MapNode):
    """A theme: all declared."""


@declared("initiative")
class Initiative(MapNode):
    """An initiative's specials: its participants with their roles, the people it counts
    and its commitments."""

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

    @strawberry.field(
        description="People it targets and reaches, place by place, where its source counts "
        "them (3W sheets); empty where no source does, which is not zero."
    )
    async def people(self, info: Ctx) -> list[PeopleInPlace]:
        links = await _links(info, str(self.id), "out", "REACHES")
        return [PeopleInPlace.of(link) for link in links]

    @strawberry.field(
        description="The commitments for it: for a work plan, its parts, each with its owners."
    )
    async def commitments(self, info: Ctx) -> Commitments:
        return await LATER["commitments_of"](info, str(self.id), "FOR_INITIATIVE")


@declared("action-group")
class ActionGroup(MapNode):
    """An action group's specials: its members and chairs (with roles), partnerships,
    seats, memberships and commitments."""

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

    @strawberry.field(description="Partnerships with it that are blocked or pending.")
    async def partnerships(self, info: Ctx) -> list[Partnership]:
        links = await _links(info, str(self.id), "in", "PARTNERSHIP_WITH")
        return [_partnership(lk, _record(self, self._props)) for lk in links]

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


@declared("event")
class Event(MapNode):
    """An event's specials: its participants with their roles, its people and commitments."""

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


def node_of(record: MapRecord) -> Any:
    """The GraphQL object for a map record, of the type its kind names."""
    return TYPES[record.kind].of(record)


def all_types() -> list[Any]:
    """Every record type, those registered from other modules included."""
    return list(TYPES.values())
