"""What the domain hands up: map nodes as id plus properties, and the relationships between
them with the source each one cites."""

from dataclasses import dataclass
from typing import Any

from service.ids import kind_of

Props = dict[str, Any]


@dataclass(frozen=True)
class MapRecord:
    id: str
    props: Props

    @property
    def kind(self) -> str:
        return kind_of(self.id)

    @classmethod
    def from_row(cls, row: Props) -> "MapRecord":
        return cls(row["id"], row["props"])


@dataclass(frozen=True)
class Provenance:
    """Where a fact comes from: the source document, the section in it, and our note."""

    source: MapRecord | None
    section: str | None
    note: str | None


@dataclass(frozen=True)
class LinkRecord:
    """One relationship seen from one of its ends."""

    type: str
    outgoing: bool
    props: Props
    node: MapRecord
    provenance: Provenance

    @classmethod
    def from_row(cls, row: Props) -> "LinkRecord":
        source = row.get("source")
        props = row["props"]
        return cls(
            type=row["type"],
            outgoing=row["outgoing"],
            props=props,
            node=MapRecord.from_row(row["node"]),
            provenance=Provenance(
                MapRecord(source["id"], source) if source else None,
                props.get("section"),
                props.get("note"),
            ),
        )
