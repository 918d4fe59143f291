"""What a node is tied to. A `LinkSpec` names the relationship types and direction; one
call loads them for many nodes and many specs at once, so a GraphQL level costs one query."""

from dataclasses import dataclass
from typing import Literal

from service.db.driver import Database
from service.domain.records import LinkRecord
from service.model.records import MapRecord

Direction = Literal["out", "in", "both"]


@dataclass(frozen=True)
class LinkSpec:
    types: tuple[str, ...]
    direction: Direction


CITATIONS = LinkSpec(("CITED_IN",), "out")


async def load_links(db: Database, wanted: list[tuple[LinkSpec, str]]) -> list[list[LinkRecord]]:
    """For each (spec, id), in order, the id's links matching the spec (empty if the id is
    unknown): one query for all of them, whatever the specs."""
    unique = list(dict.fromkeys(wanted))
    requests = [
        {"key": n, "id": node_id, "types": list(spec.types), "direction": spec.direction}
        for n, (spec, node_id) in enumerate(unique)
    ]
    [row] = await db.read("links/neighbours", requests=requests)
    nodes = {node["id"]: MapRecord.from_row(node) for node in row["nodes"]}
    sources = {source["id"]: source for source in row["sources"]}
    found = {
        each["key"]: [LinkRecord.from_row(link, nodes, sources) for link in each["links"]]
        for each in row["found"]
    }
    position = {key: n for n, key in enumerate(unique)}
    return [found.get(position[key], []) for key in wanted]
