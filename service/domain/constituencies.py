"""Which constituencies each action group (and the coordinating group) has and lacks:
governments, workers, employers, international organizations, civil society, business,
academia. Organizations are placed by their type."""

from dataclasses import dataclass
from typing import Any

from service.db.driver import Database
from service.model.records import MapRecord

CONSTITUENCIES: dict[str, frozenset[str]] = {
    "governments": frozenset({"government"}),
    "workers' organizations": frozenset({"workers"}),
    "employers' organizations": frozenset({"employers"}),
    "UN and other international organizations": frozenset({"un_agency", "intergovernmental"}),
    "civil society": frozenset({"ngo", "network", "funder"}),
    "business": frozenset({"business"}),
    "academia": frozenset({"academic"}),
}


@dataclass(frozen=True)
class PendingMember:
    constituency: str
    organization: str
    status: str
    reason: str | None


@dataclass(frozen=True)
class ConstituencyGap:
    group: MapRecord
    present: dict[str, list[str]]  # constituency -> names of its members in the group
    missing: list[str]
    pending: list[PendingMember]


def constituency_of(organization_type: str) -> str:
    return next(name for name, types in CONSTITUENCIES.items() if organization_type in types)


def _gap(row: dict[str, Any]) -> ConstituencyGap:
    present: dict[str, list[str]] = {}
    for member in sorted(row["members"], key=lambda m: m["name"]):
        present.setdefault(constituency_of(member["type"]), []).append(member["name"])
    pending = [
        PendingMember(constituency_of(p["type"]), p["name"], p["status"], p.get("reason"))
        for p in row["partnerships"]
    ]
    return ConstituencyGap(
        group=MapRecord.from_row(row["group"]),
        present={name: present[name] for name in CONSTITUENCIES if name in present},
        missing=[name for name in CONSTITUENCIES if name not in present],
        pending=pending,
    )


async def constituency_gaps(db: Database) -> list[ConstituencyGap]:
    """Action groups and the coordinating group (not the Friends or the Secretariat)."""
    rows = await db.read("analysis/group_constituencies")
    kinds = {"action_group", "coordinating_group"}
    return [_gap(row) for row in rows if row["group"]["props"].get("kind") in kinds]
