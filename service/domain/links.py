"""What a node is tied to. A `LinkSpec` names the relationship types and direction; one
call loads them for many nodes at once, so a GraphQL level costs one query per spec."""

from dataclasses import dataclass
from typing import Literal

from service.db.driver import Database
from service.domain.records import LinkRecord

Direction = Literal["out", "in", "both"]


@dataclass(frozen=True)
class LinkSpec:
    types: tuple[str, ...]
    direction: Direction


CITATIONS = LinkSpec(("CITED_IN",), "out")


async def load_links(db: Database, spec: LinkSpec, ids: list[str]) -> list[list[LinkRecord]]:
    """For each id, in order, its links matching `spec` (empty if the id is unknown)."""
    rows = await db.read(
        "links/neighbours",
        ids=list(dict.fromkeys(ids)),
        types=list(spec.types),
        direction=spec.direction,
    )
    by_id = {row["id"]: [LinkRecord.from_row(link) for link in row["links"]] for row in rows}
    return [by_id.get(node_id, []) for node_id in ids]
