"""Which constituencies each action group (and the coordinating group) has, lacks, or may
lack: governments, workers, employers, international organizations, civil society,
business, academia. A member's constituency is the seat it holds where the source names
one (an employers' seat is the employers', whoever holds it), else its organization's type.
A constituency is *absent* only where the body's membership is recorded as complete and
none of its members holds it; where the map records only some members (or only the
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
    "international regional organisation": "UN and other international organizations",
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


def _gap(row: dict[str, Any]) -> ConstituencyGap:
    present: dict[str, list[str]] = {}
    for member in sorted(row["members"], key=lambda m: m["name"]):
        held = constituency_of(member["type"], member.get("seats"))
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
        absent=lacking if complete else [],
        unknown=[] if complete else lacking,
        pending=pending,
    )


async def constituency_gaps(db: Database) -> list[ConstituencyGap]:
    """Action groups and the coordinating group (not the Friends or the Secretariat)."""
    rows = await db.read("analysis/group_constituencies")
    kinds = {"action_group", "coordinating_group"}
    return [_gap(row) for row in rows if row["group"]["props"].get("kind") in kinds]
