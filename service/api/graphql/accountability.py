"""The types for what the Alliance asked to follow up: people in their seats, where
organizations stand with the Alliance and its bodies, commitments with their progress, and
indicators with their observed values. They implement `MapNode` like every other record,
and `types.py` reaches them lazily (organizations, bodies and meetings list their people,
memberships and commitments). Resolvers ask the per-request loaders or
`service/domain/accountability.py`; none runs Cypher itself."""

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from service.api.graphql.context import Context
from service.api.graphql.inputs import CommitmentStatus, CountryStatus, MembershipStanding
from service.api.graphql.nodes import (
    Citation,
    MapNode,
    _links,
    _text,
    declared,
    node_of,
)
from service.domain import accountability, directory
from service.domain.places import Matched
from service.domain.records import LinkRecord, Provenance
from service.model.fields import ended
from service.model.records import MapRecord

if TYPE_CHECKING:
    from service.api.graphql.types import Organization, Place, Source

Ctx = strawberry.Info[Context, None]
# The map's core types are made in types.py, above this module: named lazily here.
_TYPES = "service.api.graphql.types"
OrganizationRef = Annotated["Organization", strawberry.lazy(_TYPES)]
PlaceRef = Annotated["Place", strawberry.lazy(_TYPES)]
SourceRef = Annotated["Source", strawberry.lazy(_TYPES)]


def _dated(props: dict[str, Any]) -> dict[str, Any]:
    """When a relationship holds, as every dated answer here gives it."""
    return {
        "since": _text(props.get("since")),
        "until": _text(props.get("until")),
        "as_of": _text(props.get("as_of")),
        "ended": ended(props.get("until"), date.today()),
    }


_SINCE = "The date it holds from, where its source says; null: not known."
_UNTIL = "The date it held until; null: not known to have ended."
_AS_OF = (
    "The day it is known to hold: its source's date (13 November 2017 for the GCG report) "
    "or the day of the edit that added it. Knowledge this old may no longer hold."
)


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
    organization: OrganizationRef | None = strawberry.field(
        description="The organization they hold it for; null where the source names none "
        "(not the same as holding it for nobody), or where the one named has since been "
        "retired or deleted (organizationRecorded tells the two apart)."
    )
    organization_recorded: bool = strawberry.field(
        description="True if the source names the organization the seat is held for, even "
        "where that record is no longer on the map; false if it names none."
    )
    since: str | None = strawberry.field(description=_SINCE)
    until: str | None = strawberry.field(description=_UNTIL)
    as_of: str | None = strawberry.field(description=_AS_OF)
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
            **_dated(link.props),
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
        links = await _links(info, str(self.id), "out", "SEATED", "ATTENDED", "CHAIRED")
        here = MapRecord(str(self.id), self._props)
        return await _seats(info, [(link, here, link.node) for link in links])

    @strawberry.field(description="The organizations they hold a seat for.")
    async def organizations(self, info: Ctx) -> list[OrganizationRef]:
        found = {
            str(s.organization.id): s.organization
            for s in await self.seats(info)
            if s.organization is not None
        }
        return [found[k] for k in sorted(found)]


async def seats_on(info: Ctx, here: MapRecord, types: tuple[str, ...]) -> list[Seat]:
    """The seats people hold on a body or at a meeting."""
    links = await _links(info, here.id, "in", *types)
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
    organization: OrganizationRef = strawberry.field(description="The organization.")
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
    since: str | None = strawberry.field(description=_SINCE)
    until: str | None = strawberry.field(description=_UNTIL)
    as_of: str | None = strawberry.field(description=_AS_OF)
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
        **_dated(props),
    )


async def memberships_of(info: Ctx, here: MapRecord, direction: str) -> list[Membership]:
    """The memberships of an organization (direction out) or with a body (in)."""
    links = await _links(info, here.id, direction, "MEMBERSHIP", "MEMBER_OF")
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
    source: SourceRef = strawberry.field(description="The document that reports it.")
    provenance: Citation = strawberry.field(description="The citation behind it.")


@declared("commitment")
class Commitment(MapNode):
    """A commitment's specials: where it stands as last known (its record or a newer
    progress update), whether it is overdue, and its dated progress."""

    async def _state(self, info: Ctx) -> accountability.CommitmentState:
        links = await _links(info, str(self.id), "out", "PROGRESS_REPORTED")
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
        links = await _links(info, str(self.id), "out", "PROGRESS_REPORTED")
        updates = [
            ProgressUpdate(
                status=CommitmentStatus(link.props["progress"]),
                since=_text(link.props.get("since")),
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
        for link in await _links(info, node_id, "in", *types)
        if link.node.kind == "commitment"
    }
    return [found[k] for k in sorted(found)]


@strawberry.type(description="The value an indicator is to reach, and by when.")
class IndicatorTarget:
    value: float = strawberry.field(description="The value to reach.")
    year: int | None = strawberry.field(description="The year it is to be reached by.")


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
    place: PlaceRef = strawberry.field(description="The country or region it is for.")
    matched: Matched | None = strawberry.field(
        description="How its place relates to the place asked about: the place itself, a "
        "region it lies in (a regional figure, not the country's own), or the world; null "
        "when no place was asked about."
    )
    baseline: bool = strawberry.field(description="True if its year is the indicator's baseline.")
    source: SourceRef | None = strawberry.field(description="The document it is published in.")

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
    organization: OrganizationRef = strawberry.field(
        description="Who gives the standing (the Alliance itself, as an organization)."
    )
    since: str | None = strawberry.field(description=_SINCE)
    until: str | None = strawberry.field(description=_UNTIL)
    as_of: str | None = strawberry.field(description=_AS_OF)
    ended: bool = strawberry.field(description="True if its `until` is before today.")
    provenance: Citation = strawberry.field(description="The source that says so.")


async def country_standing(info: Ctx, country: str) -> list[CountryStanding]:
    """A country's standings over time, earliest first."""
    links = await _links(info, country, "in", "COUNTRY_STATUS")
    found = [
        CountryStanding(
            status=CountryStatus(link.props["alliance_status"]),
            organization=node_of(link.node),
            provenance=Citation.of(link.provenance),
            **_dated(link.props),
        )
        for link in links
        if link.node.kind == "organization"
    ]
    return sorted(found, key=lambda s: (s.since or "", s.status))


# The kinds described here join the table of GraphQL types by kind as they are declared,
# so `node_of` and the record mutations know them; the package's __init__ imports this
# module to make sure.
