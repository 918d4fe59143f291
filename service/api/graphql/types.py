"""What queries return: the `Node` interface every record implements, the citations and
relationships seen from a record, one type per kind (made from its declaration in the model
by `nodes.declared`, with the fields written here by hand, its specials), and the typed
relationships between them (who chairs, who leads, who attended, who holds a seat, where an
organization stands, a commitment's progress, an indicator's values), each with the
citation behind it. They are one module because they name one another, as the graph does
(an organization lists its commitments, a commitment its organization): split, the modules
would reach each other in a cycle. The value types that name no record are in `values.py`,
below. Resolvers ask the per-request loaders or `service/domain/`; none runs Cypher."""

import asyncio
from datetime import date
from typing import Annotated, Any, ClassVar, Self, cast

import strawberry
from strawberry.scalars import JSON

from service.api.graphql.inputs import (
    CommitmentStatus,
    CountryStatus,
    EventRole,
    FactBasis,
    GroupRole,
    InitiativeRole,
    MembershipStanding,
    OrganizationType,
    PartnershipStatus,
)
from service.api.graphql.nodes import (
    KINDS,
    NEED_TYPES,
    STORED_TYPES,
    TYPES,
    Ctx,
    declared,
    ends_at,
    fields_of,
    links_at,
    node_of,
)
from service.api.graphql.seen import SEEN, Seen, seen_of
from service.api.graphql.values import (
    ALIASES,
    AS_OF,
    SINCE,
    UNTIL,
    Alias,
    Funding,
    GoodsList,
    IndicatorTarget,
    Inference,
    PeopleGroupCount,
    TipTier,
    aliases_of,
    dated,
    text_of,
)
from service.domain import accountability, directory, freshness
from service.domain.links import CITATIONS
from service.domain.places import Matched
from service.domain.records import LinkRecord, Provenance
from service.errors import BadInput
from service.model.fields import ended
from service.model.records import MapRecord
from service.model.relationships import (
    EVENT_ROLES,
    GROUP_ROLES,
    INITIATIVE_ROLES,
    PEOPLE_GROUPS,
    RELATIONSHIPS,
    TIME,
)
from service.model.shown import SHOWN, Shown

_KINDS_NAMED = ", ".join(KINDS[:-1]) + " or " + KINDS[-1]
# A relationship's properties that NodeRelationship gives fields of their own.
_SHOWN_APART = frozenset(("key", "source", "section", "note", "basis", "inferred_from", *TIME))


# --- What every record has --------------------------------------------------------------


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
        source = node_of(provenance.source) if provenance.source else None
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
    # Its start's id and its key: what its provenance is kept by (seen.py).
    start_and_key: strawberry.Private[tuple[str, str]]

    @strawberry.field(description=SEEN)
    async def seen(self, info: Ctx) -> list[Seen]:
        return await seen_of(info, *self.start_and_key)


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
    kind: str = strawberry.field(description=f"The kind of record: {_KINDS_NAMED}.")
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
    # What `declared` gives every kind's type: its record's properties (a private field)
    # and its declaration; named here for the type checker, set on each kind's type.
    _props: strawberry.Private[dict[str, Any]]
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
        links = await links_at(info, str(self.id), "both", *wanted)
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
                since=text_of(link.props.get("since")),
                until=text_of(link.props.get("until")),
                as_of=text_of(link.props.get("as_of")),
                ended=ended(link.props.get("until"), date.today()),
                start_and_key=(
                    str(self.id) if link.outgoing else link.node.id,
                    str(link.props["key"]),
                ),
            )
            for link in links
        ]

    @strawberry.field(description=SEEN)
    async def seen(self, info: Ctx) -> list[Seen]:
        return await seen_of(info, str(self.id), str(self.id))

    @strawberry.field(
        description="The latest day its facts were confirmed: checked against a source "
        "(lastVerified) or seen in an import (the latest lastSeen of `seen`); null: "
        "neither. What the map says of it holds as of that day."
    )
    async def last_confirmed(self, info: Ctx) -> str | None:
        return freshness.last_confirmed(self.last_verified, await self.seen(info))

    @strawberry.field(
        description="Whether its facts are older than `years` (default 2): last confirmed "
        "before then, or never. A stale fact may no longer hold; its date says how old it is."
    )
    async def stale(self, info: Ctx, years: int = freshness.STALE_YEARS) -> bool:
        confirmed = await self.last_confirmed(info)
        return freshness.stale(confirmed, years, date.today())

    @strawberry.field(description="The documents, and sections, this node is known from.")
    async def sources(self, info: Ctx) -> list[Citation]:
        links = await info.context.links(CITATIONS, str(self.id))
        return [
            Citation(
                source=node_of(link.node),
                section=link.props.get("section"),
                note=link.props.get("note"),
            )
            for link in links
        ]

    @classmethod
    def of(cls, record: MapRecord) -> Self:
        """The record as its kind's type, its properties read as its declaration says."""
        return cls(**fields_of(cls._shown, record))


@declared("source")
class Source(MapNode):
    """A document the map's facts come from: all declared."""


# --- Seats, standings, commitments and indicators: what the Alliance follows up ----------


@strawberry.type(description="A seat a person holds on an Alliance body or at a meeting.")
class Seat:
    seat: str | None = strawberry.field(
        description="The seat, as the source names it, such as 'Worker Representative'."
    )
    role: str = strawberry.field(
        description="SEATED on a body, ATTENDED a meeting, or CHAIRED a meeting."
    )
    person: "Person" = strawberry.field(description="Who holds it.")
    body: MapNode = strawberry.field(description="The action group, Alliance body or meeting.")
    organization: "Organization | None" = strawberry.field(
        description="The organization they hold it for; null where the source names none "
        "(not the same as holding it for nobody), or where the one named has since been "
        "retired or deleted (organizationRecorded tells the two apart)."
    )
    organization_recorded: bool = strawberry.field(
        description="True if the source names the organization the seat is held for, even "
        "where that record is no longer on the map; false if it names none."
    )
    since: str | None = strawberry.field(description=SINCE)
    until: str | None = strawberry.field(description=UNTIL)
    as_of: str | None = strawberry.field(description=AS_OF)
    ended: bool = strawberry.field(description="True if its `until` is before today.")
    provenance: Citation = strawberry.field(description="The source that says so.")


async def _seats(info: Ctx, links: list[tuple[LinkRecord, MapRecord, MapRecord]]) -> list[Seat]:
    """Seats from (link, person, body) triples, their organizations read in one go."""
    wanted = sorted({str(o) for link, _, _ in links if (o := link.props.get("organization"))})
    found = await directory.get_many(info.context.db, wanted) if wanted else {}
    return [
        Seat(
            seat=link.props.get("seat"),
            role=link.type,
            person=Person.of(person),
            body=node_of(body),
            organization=(
                node_of(found[o]) if (o := link.props.get("organization")) and o in found else None
            ),
            organization_recorded=bool(link.props.get("organization")),
            provenance=Citation.of(link.provenance),
            **dated(link.props),
        )
        for link, person, body in links
    ]


@declared("person")
class Person(MapNode):
    """A person's specials: their contact (only with consent) and their seats."""

    @strawberry.field(description="How to reach them, only if they consented; null otherwise.")
    def contact(self) -> str | None:
        consented = self._props.get("contact_consent") is True
        return self._props.get("contact") if consented else None

    @strawberry.field(
        description="Every seat they hold: on Alliance bodies (SEATED) and at meetings "
        "(ATTENDED, CHAIRED), each with the organization it is for."
    )
    async def seats(self, info: Ctx) -> list[Seat]:
        links = await links_at(info, str(self.id), "out", "SEATED", "ATTENDED", "CHAIRED")
        here = MapRecord(str(self.id), self._props)
        return await _seats(info, [(link, here, link.node) for link in links])

    @strawberry.field(description="The organizations they hold a seat for.")
    async def organizations(self, info: Ctx) -> list["Organization"]:
        found = {
            str(s.organization.id): s.organization
            for s in await self.seats(info)
            if s.organization is not None
        }
        return [found[k] for k in sorted(found)]


async def seats_on(info: Ctx, here: MapRecord, types: tuple[str, ...]) -> list[Seat]:
    """The seats people hold on a body or at a meeting."""
    links = await links_at(info, here.id, "in", *types)
    return await _seats(info, [(lk, lk.node, here) for lk in links if lk.node.kind == "person"])


async def seats_for(info: Ctx, organization: str) -> list[Seat]:
    """The seats people hold for an organization."""
    found = await accountability.seats_for(info.context.db, organization)
    links = [
        (LinkRecord(s.type, True, s.props, s.body, s.provenance), s.person, s.body) for s in found
    ]
    return await _seats(info, links)


@strawberry.type(
    description="Where an organization stands with the Alliance or one of its bodies: a "
    "member (with its seat), an observer, a partner, or pending, declined, blocked or "
    "withdrawn, since when and by which decision."
)
class Membership:
    standing: MembershipStanding = strawberry.field(
        description="member, observer, partner, pending, declined, blocked or withdrawn."
    )
    organization: "Organization" = strawberry.field(description="The organization.")
    body: MapNode = strawberry.field(
        description="The Alliance body (or the Alliance itself, an organization) it stands with."
    )
    seat: str | None = strawberry.field(description="The seat it holds, where it has one.")
    constituency: str | None = strawberry.field(
        description="The constituency of its seat (workers, employers, NGOs...), where given."
    )
    decision: str | None = strawberry.field(
        description="The registration or decision the standing comes from, as its source "
        "gives it; null where none is recorded."
    )
    since: str | None = strawberry.field(description=SINCE)
    until: str | None = strawberry.field(description=UNTIL)
    as_of: str | None = strawberry.field(description=AS_OF)
    ended: bool = strawberry.field(description="True if its `until` is before today.")
    provenance: Citation = strawberry.field(description="The source that says so.")


def membership(
    organization: MapRecord, body: MapRecord, link_type: str, props: dict[str, Any], p: Provenance
) -> Membership:
    """A membership from a MEMBERSHIP relationship, or from a seat on a body (MEMBER_OF),
    which is a membership in standing."""
    standing = str(props.get("standing")) if link_type == "MEMBERSHIP" else "member"
    return Membership(
        standing=MembershipStanding(standing),
        organization=node_of(organization),
        body=node_of(body),
        seat=props.get("seat"),
        constituency=props.get("constituency"),
        decision=props.get("decision"),
        provenance=Citation.of(p),
        **dated(props),
    )


async def memberships_of(info: Ctx, here: MapRecord, direction: str) -> list[Membership]:
    """The memberships of an organization (direction out) or with a body (in)."""
    links = await links_at(info, here.id, direction, "MEMBERSHIP", "MEMBER_OF")
    found = []
    for link in links:
        org, body = link.start_and_end(here)
        if org.kind == "organization":
            found.append(membership(org, body, link.type, link.props, link.provenance))
    return found


@strawberry.type(description="A dated report of where a commitment stands, from a document.")
class ProgressUpdate:
    status: CommitmentStatus = strawberry.field(
        description="Its status as the document reports it."
    )
    since: str | None = strawberry.field(description="The date the status holds from.")
    note: str | None = strawberry.field(description="What the document says, in our words.")
    source: "Source" = strawberry.field(description="The document that reports it.")
    provenance: Citation = strawberry.field(description="The citation behind it.")


@declared("commitment")
class Commitment(MapNode):
    """A commitment's specials: where it stands as last known (its record or a newer
    progress update), whether it is overdue, and its dated progress."""

    async def _state(self, info: Ctx) -> accountability.CommitmentState:
        links = await links_at(info, str(self.id), "out", "PROGRESS_REPORTED")
        return accountability.current_state(self._props, [link.props for link in links])

    @strawberry.field(
        description="Where it stands, as last known: the record's own status or a newer "
        "progress update's, whichever is later (statusSince says when, statusFromProgress "
        "which)."
    )
    async def status(self, info: Ctx) -> CommitmentStatus:
        return CommitmentStatus((await self._state(info)).status)

    @strawberry.field(
        description="The date its status is known from: a status known only as of long ago "
        "may no longer hold."
    )
    async def status_since(self, info: Ctx) -> str | None:
        return (await self._state(info)).since

    @strawberry.field(
        description="True if its status comes from a progress update (a document), false if "
        "from the record itself."
    )
    async def status_from_progress(self, info: Ctx) -> bool:
        return (await self._state(info)).from_progress

    @strawberry.field(
        description="True if it is due before the day (today if none is given) and, as last "
        "known, still made or in progress; false if not due yet, closed, or with no due date."
    )
    async def overdue(self, info: Ctx, on: date | None = None) -> bool:
        state = await self._state(info)
        return accountability.is_overdue(self._props, state, on or date.today())

    @strawberry.field(
        description="Dated progress updates, latest first; empty where none is recorded, "
        "in which case the status is as of statusSince."
    )
    async def progress(self, info: Ctx) -> list[ProgressUpdate]:
        links = await links_at(info, str(self.id), "out", "PROGRESS_REPORTED")
        updates = [
            ProgressUpdate(
                status=CommitmentStatus(link.props["progress"]),
                since=text_of(link.props.get("since")),
                note=link.props.get("note"),
                source=node_of(link.node),
                provenance=Citation.of(link.provenance),
            )
            for link in links
        ]
        return sorted(updates, key=lambda u: u.since or "", reverse=True)


async def commitments_of(info: Ctx, node_id: str, *types: str) -> list[Commitment]:
    """The commitments that name a record by one of these relationship types."""
    found = {
        link.node.id: Commitment.of(link.node)
        for link in await links_at(info, node_id, "in", *types)
        if link.node.kind == "commitment"
    }
    return [found[k] for k in sorted(found)]


@strawberry.type(
    description="One observed value of an indicator: a published figure for a place and "
    "data year, with its publisher, edition and source. A place with no figure has no "
    "value here, which is not zero."
)
class IndicatorValue:
    value: float | None = strawberry.field(description="The figure, in the indicator's unit.")
    unit: str | None = strawberry.field(description="Its unit, as published.")
    people: int | None = strawberry.field(
        description="The number of people it stands for, where the publisher gives it or the "
        "map works it out (peopleUnit says which)."
    )
    people_unit: str | None = strawberry.field(description="What the number of people counts.")
    data_year: int | None = strawberry.field(
        description="The year its data describe, from its own row of the published set; "
        "null where the publisher gives only the period it comes from (dataPeriod)."
    )
    data_period: str | None = strawberry.field(
        description="Where the year is not given: the years it may come from."
    )
    edition: str | None = strawberry.field(description="The edition it was published in.")
    publisher: str | None = strawberry.field(description="Who published it.")
    flag: str | None = strawberry.field(description="The publisher's flag on it, if any.")
    level: str = strawberry.field(description="country or region: whose figure it is.")
    place: "Place" = strawberry.field(description="The country or region it is for.")
    matched: Matched | None = strawberry.field(
        description="How its place relates to the place asked about: the place itself, a "
        "region it lies in (a regional figure, not the country's own), or the world; null "
        "when no place was asked about."
    )
    baseline: bool = strawberry.field(description="True if its year is the indicator's baseline.")
    source: "Source | None" = strawberry.field(description="The document it is published in.")

    @classmethod
    def of(cls, v: accountability.IndicatorValue, baseline_year: int | None) -> "IndicatorValue":
        p = v.figure.props
        return cls(
            value=p.get("value"),
            unit=p.get("unit"),
            people=p.get("people"),
            people_unit=p.get("people_unit"),
            data_year=None if p.get("data_year") is None else int(p["data_year"]),
            data_period=p.get("data_period"),
            # The regional estimates name no edition of their own: their edition is the
            # publication itself.
            edition=p.get("edition") or (v.source.name if v.source else None),
            publisher=p.get("publisher") or (v.source.props.get("publisher") if v.source else None),
            flag=p.get("flag"),
            level=str(p.get("level", "region")),
            place=node_of(v.place),
            matched=v.matched,
            baseline=baseline_year is not None and p.get("data_year") == baseline_year,
            source=node_of(v.source) if v.source else None,
        )


@declared("indicator")
class Indicator(MapNode):
    """An indicator's specials: its target, and its observed values (published figures)."""

    @strawberry.field(description="The value it is to reach; null: no source sets one.")
    def target(self) -> IndicatorTarget | None:
        value = self._props.get("target_value")
        if value is None:
            return None
        return IndicatorTarget(value=float(value), year=self._props.get("target_year"))

    @strawberry.field(
        description="Its observed values, by place and year: for a country, its own figures "
        "and those of the regions it lies in (matched says which); for a region, its own and "
        "its countries'; everywhere when neither is given."
    )
    async def values(
        self,
        info: Ctx,
        country: str | None = None,
        region: str | None = None,
        from_year: int | None = None,
        to_year: int | None = None,
    ) -> list[IndicatorValue]:
        found = await accountability.values(
            info.context.db, str(self.id), country, region, (from_year, to_year)
        )
        return [IndicatorValue.of(v, self._baseline_year()) for v in found]

    @strawberry.field(
        description="Its latest value for a country or region, placed as closely as the "
        "figures allow: the country's own figure before its region's, then the latest data "
        "year; null where no figure covers it (no estimate, not zero)."
    )
    async def latest(
        self, info: Ctx, country: str | None = None, region: str | None = None
    ) -> IndicatorValue | None:
        found = await accountability.values(info.context.db, str(self.id), country, region)
        best = accountability.latest(found)
        return IndicatorValue.of(best, self._baseline_year()) if best else None

    def _baseline_year(self) -> int | None:
        year = self._props.get("baseline_year")
        return None if year is None else int(year)


@strawberry.type(description="A country's standing in the Alliance's country-level work.")
class CountryStanding:
    status: CountryStatus = strawberry.field(
        description="interested, pathfinder or former_pathfinder."
    )
    organization: "Organization" = strawberry.field(
        description="Who gives the standing (the Alliance itself, as an organization)."
    )
    since: str | None = strawberry.field(description=SINCE)
    until: str | None = strawberry.field(description=UNTIL)
    as_of: str | None = strawberry.field(description=AS_OF)
    ended: bool = strawberry.field(description="True if its `until` is before today.")
    provenance: Citation = strawberry.field(description="The source that says so.")


async def country_standing(info: Ctx, country: str) -> list[CountryStanding]:
    """A country's standings over time, earliest first."""
    links = await links_at(info, country, "in", "COUNTRY_STATUS")
    found = [
        CountryStanding(
            status=CountryStatus(link.props["alliance_status"]),
            organization=node_of(link.node),
            provenance=Citation.of(link.provenance),
            **dated(link.props),
        )
        for link in links
        if link.node.kind == "organization"
    ]
    return sorted(found, key=lambda s: (s.since or "", s.status))


# --- Organizations, places, goals, initiatives, bodies and events ---------------------


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
        links = await links_at(info, str(self.id), "out", *INITIATIVE_ROLES)
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
        links = await links_at(info, str(self.id), "out", *GROUP_ROLES)
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
        links = await links_at(info, str(self.id), "out", *EVENT_ROLES)
        found = [
            _attendance(lk, _record(self, self._props)) for lk in links if lk.node.kind == "event"
        ]
        return [e for e in found if roles is None or e.role in roles]

    @strawberry.field(description="Partnerships of its that are blocked or pending.")
    async def partnerships(self, info: Ctx) -> list[Partnership]:
        links = await links_at(info, str(self.id), "out", "PARTNERSHIP_WITH")
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
        own = await ends_at(info, str(self.id), "out", "theme", "ADDRESSES")
        return own or await self._derived_themes(info)

    @strawberry.field(
        description="STATED: its themes are recorded for it; INFERRED: derived from its "
        "initiatives' themes, as none are recorded for it."
    )
    async def themes_basis(self, info: Ctx) -> FactBasis:
        own = await ends_at(info, str(self.id), "out", "theme", "ADDRESSES")
        return FactBasis.STATED if own else FactBasis.INFERRED

    async def _derived_themes(self, info: Ctx) -> list["Theme"]:
        roles = await links_at(info, str(self.id), "out", *INITIATIVE_ROLES)
        initiatives = sorted({r.node.id for r in roles if r.node.kind == "initiative"})
        # Gathered, so the loader asks for every initiative's themes in one round trip.
        themes = await asyncio.gather(
            *(ends_at(info, i, "out", "theme", "ADDRESSES") for i in initiatives)
        )
        found = {str(t.id): t for listed in themes for t in listed}
        return [found[k] for k in sorted(found)]


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
        found: list[Organization] = await ends_at(
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
        found: list[SdgTarget] = await ends_at(info, str(self.id), "in", "sdg-target", "PART_OF")
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
        links = await links_at(info, str(self.id), "in", *INITIATIVE_ROLES)
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
        links = await links_at(info, str(self.id), "out", "REACHES")
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
        links = await links_at(info, str(self.id), "in", *GROUP_ROLES)
        found = [
            _membership(lk, _record(self, self._props))
            for lk in links
            if lk.node.kind == "organization"
        ]
        return [m for m in found if roles is None or m.role in roles]

    @strawberry.field(description="Partnerships with it that are blocked or pending.")
    async def partnerships(self, info: Ctx) -> list[Partnership]:
        links = await links_at(info, str(self.id), "in", "PARTNERSHIP_WITH")
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
        links = await links_at(info, str(self.id), "in", *EVENT_ROLES)
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
