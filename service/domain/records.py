"""What the domain hands up besides records (`service.model.records.MapRecord`): the
relationships a node has, seen from it, with the source each one cites."""

from dataclasses import dataclass

from service.model.records import MapRecord, Props


@dataclass(frozen=True)
class Provenance:
    """Where a fact comes from: the source document, the section in it, and our note."""

    source: MapRecord | None
    section: str | None
    note: str | None
    # "stated" (the source says so) unless the fact is marked inferred, and from what.
    basis: str = "stated"
    inferred_from: str | None = None

    @classmethod
    def of(cls, source: Props | None, props: Props) -> "Provenance":
        """From a relationship's properties and the properties of the source it cites."""
        cited = MapRecord(source["id"], source) if source else None
        basis = str(props.get("basis") or "stated")
        return cls(
            cited, props.get("section"), props.get("note"), basis, props.get("inferred_from")
        )


@dataclass(frozen=True)
class LinkRecord:
    """One relationship seen from one of its ends."""

    type: str
    outgoing: bool
    props: Props
    node: MapRecord
    provenance: Provenance

    def start_and_end(self, here: MapRecord) -> tuple[MapRecord, MapRecord]:
        """Its start and end node, given `here`, the node it was seen from."""
        return (here, self.node) if self.outgoing else (self.node, here)

    @classmethod
    def from_row(
        cls, row: Props, nodes: dict[str, MapRecord], sources: dict[str, Props]
    ) -> "LinkRecord":
        """From a row that names its other end and the source it cites by id, with the
        nodes and the sources' properties by id."""
        source = sources.get(row["source"]) if row.get("source") else None
        return cls(
            type=row["type"],
            outgoing=row["outgoing"],
            props=row["props"],
            node=nodes[row["node"]],
            provenance=Provenance.of(source, row["props"]),
        )
