"""Reading the map back out as the rows the map's files hold: a list of records per kind
and a list of relationships. A record's own links (an initiative's countries, themes...)
become its columns; its first citation (by key) fills its source, section and note columns
and any others become CITED_IN relationships; every other relationship is a row of its own.
Countries, regions and SDGs are reference data every map has, so they are named, not
exported."""

from dataclasses import dataclass, field
from typing import Any

from service.db import Database
from service.domain import directory
from service.domain.filters import InitiativeFilter
from service.domain.pagination import PageRequest
from service.editing.drafts import DRAFTS
from service.editing.references import FIELD_KINDS
from service.ids import kind_of
from service.interchange.rows import (
    COUNTRY_FIELDS,
    FILE_OF_KIND,
    KIND_FILES,
    RELATIONSHIPS,
    SDG_FIELDS,
    columns,
    list_fields,
)
from service.seed.loader import REFERENCE_KINDS

_PAGE = 100


@dataclass
class Exported:
    """The exported records by file (`organizations`, ..., `relationships`), and the raw
    nodes and links, for GraphML."""

    files: dict[str, list[dict[str, Any]]]
    nodes: list[dict[str, Any]] = field(default_factory=list)


async def export_map(db: Database, wanted: InitiativeFilter | None = None) -> Exported:
    """The whole map, or the part around the initiatives a filter picks."""
    ids = await _scope(db, wanted) if wanted else None
    nodes = await db.read("interchange/export_nodes", kinds=list(FILE_OF_KIND), ids=ids)
    exported = {n["id"] for n in nodes}
    files: dict[str, list[dict[str, Any]]] = {name: [] for name in (*KIND_FILES, RELATIONSHIPS)}
    for node in nodes:
        kind = kind_of(node["id"])
        record, links = _record(kind, node)
        files[FILE_OF_KIND[kind]].append(record)
        files[RELATIONSHIPS] += [
            link
            for link in links
            if link["to"] in exported or kind_of(link["to"]) in REFERENCE_KINDS
        ]
    return Exported(files, nodes)


async def _scope(db: Database, wanted: InitiativeFilter) -> list[str]:
    picked: list[str] = []
    while True:
        page = await directory.initiatives(db, wanted, PageRequest(skip=len(picked), limit=_PAGE))
        picked += [r.id for r in page.items]
        if not page.items or len(picked) >= page.total:
            break
    [row] = await db.read("interchange/scope", ids=picked)
    return list(row["ids"])


def _record(kind: str, node: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A node as a row of its kind's file, and its other relationships as rows."""
    props, links = node["props"], node["links"]
    record: dict[str, Any] = {c: props.get(c) for c in columns(kind)}
    record["id"] = node["id"]
    if kind == "source":
        record["title"] = props.get("name")
    several = list_fields(kind)
    for f in several:
        record[f] = list(props.get(f) or [])
    for f in DRAFTS[kind].LINKS:
        record[f] = [] if f in several else None
    citations = [link for link in links if link["type"] == "CITED_IN"]
    rest = []
    for link in links:
        fields = [f for f, t in DRAFTS[kind].LINKS.items() if t == link["type"]]
        target = _own_field(link, fields)
        if target:
            _put(record, target, _short(target, link["to"]), target in several)
        elif link["type"] != "CITED_IN":
            rest.append(_relationship(node["id"], link))
    if citations and "source" in record:
        first, *others = citations
        record.update(
            source=first["to"],
            section=first["props"].get("section"),
            note=first["props"].get("note"),
        )
        rest += [_relationship(node["id"], c) for c in others]
    return record, rest


def _own_field(link: dict[str, Any], fields: list[str]) -> str | None:
    """The draft field this link is, if it is one of the record's own."""
    return next((f for f in fields if kind_of(link["to"]) == FIELD_KINDS[f]), None)


def _put(record: dict[str, Any], name: str, value: str, several: bool) -> None:
    if several:
        record[name].append(value)
    else:
        record[name] = value


def _short(field_name: str, node_id: str) -> str:
    """Countries as ISO codes and SDG targets as codes, as the files write them."""
    if field_name in COUNTRY_FIELDS | SDG_FIELDS:
        return node_id.split(":", 1)[1]
    return node_id


def _relationship(from_id: str, link: dict[str, Any]) -> dict[str, Any]:
    props = link["props"]
    row = {k: v for k, v in props.items() if k != "key"}
    if link["type"] == "CITED_IN":
        row.pop("source", None)
    return {**row, "from": from_id, "type": link["type"], "to": link["to"]}
