"""Reading the map back out as the rows the map's files hold: a list of records per kind
and a list of relationships, each record written by `records.record_row`. Countries,
regions and SDGs are reference data every map has, so they are named, not exported."""

from dataclasses import dataclass, field
from typing import Any

from service.db.driver import Database
from service.domain import directory
from service.domain.filters import InitiativeFilter
from service.domain.pagination import PageRequest
from service.interchange.records import record_row
from service.interchange.rows import FILE_OF_KIND, KIND_FILES, RELATIONSHIPS, SEEN
from service.model.ids import REFERENCE_KINDS, kind_of

_PAGE = 100
_EXPORT_PAGE = 5_000


@dataclass
class Exported:
    """The exported records by file (`organizations`, ..., `relationships`), and the raw
    nodes and links, for GraphML."""

    files: dict[str, list[dict[str, Any]]]
    nodes: list[dict[str, Any]] = field(default_factory=list)


async def export_map(db: Database, wanted: InitiativeFilter | None = None) -> Exported:
    """The whole map, or the part around the initiatives a filter picks."""
    ids = await _scope(db, wanted) if wanted else None
    nodes = await _nodes(db, ids)
    exported = {n["id"] for n in nodes}
    files: dict[str, list[dict[str, Any]]] = {
        name: [] for name in (*KIND_FILES, RELATIONSHIPS, SEEN)
    }
    for node in nodes:
        kind = kind_of(node["id"])
        record, links = record_row(kind, node)
        files[FILE_OF_KIND[kind]].append(record)
        files[RELATIONSHIPS] += [
            link
            for link in links
            if link["to"] in exported or kind_of(link["to"]) in REFERENCE_KINDS
        ]
    files[SEEN] = await _seen(db, sorted(exported))
    return Exported(files, nodes)


async def _seen(db: Database, ids: list[str]) -> list[dict[str, Any]]:
    """Where imports saw the exported records and their relationships, a page of records
    per read, times as ISO 8601 text."""
    found: list[dict[str, Any]] = []
    for start in range(0, len(ids), _EXPORT_PAGE):
        rows = await db.read("seen/export", ids=ids[start : start + _EXPORT_PAGE])
        found += [{k: _iso(v) for k, v in row.items()} for row in rows]
    return found


def _iso(value: Any) -> Any:
    return value.iso_format() if hasattr(value, "iso_format") else value


async def _nodes(db: Database, ids: list[str] | None) -> list[dict[str, Any]]:
    """Every record to export, a page per read: a field-scale map in one read would need
    more transaction memory than the default heap gives. (An edit made while the pages are
    read may show in a later page and not an earlier one.)"""
    nodes: list[dict[str, Any]] = []
    while True:
        page = await db.read(
            "interchange/export_nodes",
            kinds=list(FILE_OF_KIND),
            ids=ids,
            after=nodes[-1]["id"] if nodes else "",
            limit=_EXPORT_PAGE,
        )
        nodes += page
        if len(page) < _EXPORT_PAGE:
            return nodes


async def _scope(db: Database, wanted: InitiativeFilter) -> list[str]:
    picked: list[str] = []
    while True:
        page = await directory.initiatives(db, wanted, PageRequest(skip=len(picked), limit=_PAGE))
        picked += [r.id for r in page.items]
        if not page.items or len(picked) >= page.total:
            break
    [row] = await db.read("interchange/scope", ids=picked)
    return list(row["ids"])
