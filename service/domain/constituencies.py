"""Which constituencies each action group (and the coordinating group) has, lacks, or may
lack: governments, workers, employers, international organizations, civil society,
business, academia. A seat's constituency is the one its name gives where the source names
one (an employers' seat is the employers', whoever holds it, and the chair of a member
regional organization sits for the international and regional organizations), else its
organization's type. Seats are counted one by one as the source lists the people in them
(two seats held by one organization are two; a seat whose holder's organization is not
named still counts for its constituency); a member with no seat recorded counts by its
type. A constituency is *absent* only where the body's membership is recorded as complete
and no member or seat holds it; where the map records only some members (or only the
chairs), a constituency no recorded member holds is *unknown*, never missing."""

from dataclasses import dataclass
from typing import Any

from service.db.driver import Database
from service.model.fields import plain
from service.model.records import MapRecord
from service.model.values import MembershipRecorded

CONSTITUENCIES: dict[str, frozenset[str]] = {
    # A national coordination body is a public body: its government's constituency.
    "governments": frozenset({"government", "national_coordination"}),
    "workers' organizations": frozenset({"workers"}),
    "employers' organizations": frozenset({"employers"}),
    "UN and other international organizations": frozenset({"un_agency", "intergovernmental"}),
    "civil society": frozenset({"ngo", "network", "funder"}),
    "business": frozenset({"business"}),
    "academia": frozenset({"academic"}),
}
# Seats that name a constituency, by the words they are written in (plain form); a seat
# naming none (a chair's seat) leaves the member to its organization's type.
SEATS: dict[str, str] = {
    "worker": "workers' organizations",
    "global union": "workers' organizations",
    "employer": "employers' organizations",
    "multinational enterprise": "business",
    "ngo": "civil society",
    "civil society": "civil society",
    "regional organisation": "UN and other international organizations",
    "regional organization": "UN and other international organizations",
}
UNKNOWN_TYPE = "not known (its organization type is unknown)"


@dataclass(frozen=True)
class PendingMember:
    constituency: str
    organization: str
    status: str
    reason: str | None


@dataclass(frozen=True)
class ConstituencyGap:
    group: MapRecord
    membership: str
    membership_as_of: str | None
    present: dict[str, list[str]]  # constituency -> names of its members in the group
    seats: dict[str, int]  # constituency -> how many seats on it the source lists
    absent: list[str]  # none of a complete membership holds it
    unknown: list[str]  # no recorded member holds it, and the membership is not complete
    pending: list[PendingMember]


def constituency_of(organization_type: str, seats: list[str] | None = None) -> str:
    for seat in seats or []:
        words = plain(seat)
        for key, constituency in SEATS.items():
            if key in words:
                return constituency
    return next(
        (name for name, types in CONSTITUENCIES.items() if organization_type in types),
        UNKNOWN_TYPE,
    )


def _seated(row: dict[str, Any]) -> tuple[dict[str, int], dict[str, set[str]]]:
    """Each seat's constituency: how many seats each has, and which organizations sit in
    them (by the organization's id)."""
    seats: dict[str, int] = {}
    holders: dict[str, set[str]] = {}
    for seat in row.get("seated") or []:
        held = constituency_of(seat.get("type") or "", [seat["seat"]])
        seats[held] = seats.get(held, 0) + 1
        if seat.get("organization"):
            holders.setdefault(seat["organization"], set()).add(held)
    return seats, holders


def _gap(row: dict[str, Any]) -> ConstituencyGap:
    seats, holders = _seated(row)
    present: dict[str, list[str]] = {held: [] for held in seats}
    for member in sorted(row["members"], key=lambda m: m["name"]):
        # A member seated on the body counts where its seats do; one with no seat recorded
        # there, by the seat named on its membership, else its type.
        held_in = holders.get(member["id"]) or {
            constituency_of(member["type"], member.get("seats"))
        }
        for held in sorted(held_in):
            present.setdefault(held, []).append(member["name"])
    pending = [
        PendingMember(constituency_of(p["type"]), p["name"], p["status"], p.get("reason"))
        for p in row["partnerships"]
    ]
    props = row["group"]["props"]
    membership = props.get("membership") or MembershipRecorded.PARTIAL.value
    lacking = [name for name in CONSTITUENCIES if name not in present]
    complete = membership == MembershipRecorded.COMPLETE.value
    return ConstituencyGap(
        group=MapRecord.from_row(row["group"]),
        membership=membership,
        membership_as_of=props.get("membership_as_of"),
        present={
            name: present[name] for name in [*CONSTITUENCIES, UNKNOWN_TYPE] if name in present
        },
        seats=seats,
        absent=lacking if complete else [],
        unknown=[] if complete else lacking,
        pending=pending,
    )


async def constituency_gaps(db: Database) -> list[ConstituencyGap]:
    """Action groups and the coordinating group (not the Friends or the Secretariat)."""
    rows = await db.read("analysis/group_constituencies")
    kinds = {"action_group", "coordinating_group"}
    return [_gap(row) for row in rows if row["group"]["props"].get("kind") in kinds]
