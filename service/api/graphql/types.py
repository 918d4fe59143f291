"""What queries return: one type per kind of node, each made from its declaration in the
model by `nodes.declared` with the fields written here by hand (its specials), and the
typed relationships between them (who chairs, who leads, who attended), each with the
citation behind it. People, memberships, commitments and indicators come from
`accountability.py`, below this module. Resolvers ask the per-request loaders or
`service/domain/`; none runs Cypher itself."""

import asyncio
from typing import Annotated, Any, cast

import strawberry

from service.api.graphql.accountability import (
    Commitment,
    CountryStanding,
    Membership,
    Seat,
    commitments_of,
    country_standing,
    memberships_of,
    seats_for,
    seats_on,
)
from service.api.graphql.inputs import (
    EventRole,
    FactBasis,
    GroupRole,
    InitiativeRole,
    OrganizationType,
    PartnershipStatus,
)
from service.api.graphql.nodes import (
    ALIASES,
    TYPES,
    Alias,
    Citation,
    Ctx,
    MapNode,
    _ends,
    _links,
    aliases_of,
    declared,
    node_of,
)
from service.domain.records import LinkRecord
from service.model.records import MapRecord
from service.model.relationships import (
    EVENT_ROLES,
    GROUP_ROLES,
    INITIATIVE_ROLES,
    MONEY,
    PEOPLE_GROUPS,
)
from service.model.shown import SHOWN


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

    @strawberry.field(description=ALIASES)
    def aliases(self) -> list[Alias]:
        return aliases_of(self._props)

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
    async def memberships(self, info: Ctx) -> list[Membership]:
        return await memberships_of(info, _record(self, self._props), "out")

    @strawberry.field(description="The commitments it made, owns or called for.")
    async def commitments(self, info: Ctx) -> list[Commitment]:
        return await commitments_of(info, str(self.id), "MADE_BY", "OWNED_BY", "REQUESTED_BY")

    @strawberry.field(
        description="The people who hold a seat for it, on Alliance bodies and at meetings."
    )
    async def people(self, info: Ctx) -> list[Seat]:
        return await seats_for(info, str(self.id))

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
    async def alliance_status(self, info: Ctx) -> list[CountryStanding]:
        return await country_standing(info, str(self.id))

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

    @strawberry.field(description=ALIASES)
    def aliases(self) -> list[Alias]:
        return aliases_of(self._props)

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
    async def commitments(self, info: Ctx) -> list[Commitment]:
        return await commitments_of(info, str(self.id), "FOR_INITIATIVE")


@declared("action-group")
class ActionGroup(MapNode):
    """An action group's specials: its members and chairs (with roles), partnerships,
    seats, memberships and commitments."""

    @strawberry.field(description=ALIASES)
    def aliases(self) -> list[Alias]:
        return aliases_of(self._props)

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
    async def seats(self, info: Ctx) -> list[Seat]:
        return await seats_on(info, _record(self, self._props), ("SEATED",))

    @strawberry.field(
        description="Where organizations stand with it: members with their seats, and "
        "observers, partners, pending, declined, blocked or withdrawn ones."
    )
    async def memberships(self, info: Ctx) -> list[Membership]:
        return await memberships_of(info, _record(self, self._props), "in")

    @strawberry.field(description="The commitments it made, owns or called for.")
    async def commitments(self, info: Ctx) -> list[Commitment]:
        return await commitments_of(info, str(self.id), "MADE_BY", "OWNED_BY", "REQUESTED_BY")


@declared("event")
class Event(MapNode):
    """An event's specials: its participants with their roles, its people and commitments."""

    @strawberry.field(description=ALIASES)
    def aliases(self) -> list[Alias]:
        return aliases_of(self._props)

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
    async def people(self, info: Ctx) -> list[Seat]:
        return await seats_on(info, _record(self, self._props), ("ATTENDED", "CHAIRED"))

    @strawberry.field(description="The commitments made at it.")
    async def commitments(self, info: Ctx) -> list[Commitment]:
        return await commitments_of(info, str(self.id), "MADE_AT")


# A kind with nothing special has its type made from its declaration alone, here.
for _kind, _shown in SHOWN.items():
    if _kind not in TYPES:
        _plain = type(_shown.name, (MapNode,), {"__module__": __name__})
        globals()[_shown.name] = declared(_kind)(_plain)


def all_types() -> list[Any]:
    """Every record type: those made here and those of accountability.py, read above."""
    return list(TYPES.values())
