"""Writing an export: the map's JSON (one document), the map's CSV (a zip of one file per
kind and one of relationships), a 3W table with HXL hashtags, GraphML for Gephi, Kumu or
yEd, and an IATI 2.03 activity file (`iati_export`)."""

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import networkx as nx

from service.config import Settings
from service.interchange import native
from service.interchange.export import Exported
from service.interchange.iati_codes import load_iati_codes
from service.interchange.iati_export import Publisher, iati_activities
from service.interchange.rows import KIND_FILES, RELATIONSHIPS, SEEN
from service.model.ids import kind_of
from service.model.records import MapRecord

EXPORT_FORMATS = {
    "json": ("map.json", "application/json"),
    "csv": ("map-csv.zip", "application/zip"),
    "hxl": ("map-3w.csv", "text/csv"),
    "graphml": ("map.graphml", "application/graphml+xml"),
    "iati": ("map-iati-activities.xml", "application/xml"),
}
# The 3W table's columns: a heading and a hashtag. Each role an organization holds in an
# initiative is a column of its own (#org leads, #org+impl implements...), as the 3W reader
# reads them back.
_ROLE_COLUMNS = [
    ("LEADS", "Organization", "#org"),
    ("IMPLEMENTS", "Implementing partners", "#org+impl"),
    ("FUNDS", "Funders", "#org+funder"),
    ("PARTNERS_IN", "Partners", "#org+partners_in"),
    ("HOSTS", "Hosts", "#org+hosts"),
    ("REQUESTED", "Requested by", "#org+requested"),
    ("PROPOSED", "Proposed by", "#org+proposed"),
]
_HXL = [
    *((heading, tag) for _, heading, tag in _ROLE_COLUMNS),
    ("Sector", "#sector"),
    ("Country", "#country+code"),
    ("Region", "#region+code"),
    ("Province or state", "#adm1"),
    ("Activity", "#activity"),
    ("Activity id", "#activity+code"),
    ("Status", "#status"),
    ("Start", "#date+start"),
    ("End", "#date+end"),
]


def render(exported: Exported, file_format: str, settings: Settings) -> bytes:
    """The export in `file_format`; the IATI file's publisher and codes come from `settings`."""
    if file_format == "iati":
        publisher = Publisher(
            settings.iati_publisher_ref, settings.iati_publisher_name, settings.iati_publisher_type
        )
        return iati_activities(exported, publisher, load_iati_codes(settings.seed_dir))
    if file_format == "json":
        return native.write_json(exported.files).encode("utf-8")
    if file_format == "csv":
        return _zip(exported)
    if file_format == "hxl":
        return _three_w(exported).encode("utf-8")
    return _graphml(exported)


def chunks(data: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def _zip(exported: Exported) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, kind in (*KIND_FILES.items(), (RELATIONSHIPS, None), (SEEN, SEEN)):
            archive.writestr(f"{name}.csv", native.write_csv(kind, exported.files[name]))
    return out.getvalue()


def _three_w(exported: Exported) -> str:
    """One row per initiative and place (each country, then each region; one row for an
    initiative placed nowhere): who holds each role in it, on what (its themes, then its
    own sectors), where, its status and dates, its map id. Read back, it gives the same
    table again. Organizations that hold no role in an initiative have no row in a table
    of who does what, and a note above the table says how many and which."""
    names = {
        r["id"]: r.get("name") or r.get("title")
        for rows in exported.files.values()
        for r in rows
        if "id" in r
    }
    roles: dict[tuple[str, str], list[str]] = {}
    for link in exported.files[RELATIONSHIPS]:
        roles.setdefault((link["to"], link["type"]), []).append(
            str(names.get(link["from"], link["from"]))
        )
    table = [[h for h, _ in _HXL], [t for _, t in _HXL]]
    for initiative in exported.files["initiatives"]:
        places = [*(initiative["countries"] or []), *(initiative.get("regions") or [])] or [""]
        for place in places:
            table.append(_three_w_row(initiative, place, roles, names))
    return native.write_rows(_roleless(exported, names) + table)


def _roleless(exported: Exported, names: dict[str, Any]) -> list[list[Any]]:
    """A note row naming the organizations no initiative has in a role, if any (the 3W
    reader takes the rows above the hashtags as titles)."""
    types = {t for t, _, _ in _ROLE_COLUMNS}
    holding = {
        link["from"]
        for link in exported.files[RELATIONSHIPS]
        if link["type"] in types and kind_of(link["to"]) == "initiative"
    }
    left = sorted(
        str(names.get(o["id"]) or o["id"])
        for o in exported.files["organizations"]
        if o["id"] not in holding
    )
    if not left:
        return []
    note = (
        f"Not in this table: {len(left)} organizations that hold no role in an initiative "
        f"(the map's CSV and JSON exports carry them): {'; '.join(left)}"
    )
    return [[note]]


def _three_w_row(
    initiative: dict[str, Any],
    place: str,
    roles: dict[tuple[str, str], list[str]],
    names: dict[str, Any],
) -> list[Any]:
    node_id = initiative["id"]
    # Sorted within a cell, so the same map always writes the same table.
    sectors = sorted(str(names.get(t, t)) for t in initiative["themes"])
    region = place if place.startswith("region:") else ""
    return [
        *("; ".join(sorted(roles.get((node_id, t), []))) for t, _, _ in _ROLE_COLUMNS),
        "; ".join([*sectors, *(initiative.get("sectors") or [])]),
        "" if region else place,
        region,
        "; ".join(initiative.get("areas") or []),
        initiative["name"],
        node_id,
        initiative["status"],
        initiative.get("start"),
        initiative.get("end"),
    ]


def _graphml(exported: Exported) -> bytes:
    """Every node with its `kind` and a `label` (Gephi and Cytoscape show the label and
    colour by kind), every edge with its `type`. A record's own kind of initiative, event
    or group is written as `initiative_kind`, `event_kind` or `action_group_kind`."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node in exported.nodes:
        record = MapRecord(node["id"], node["props"])
        props = _attributes(node["props"])
        if "kind" in props:
            props[f"{record.kind.replace('-', '_')}_kind"] = props.pop("kind")
        graph.add_node(record.id, **props, kind=record.kind, label=record.short_name)
        for link in node["links"]:
            if link["to"] not in graph:
                name = link["toName"] or link["to"]
                graph.add_node(link["to"], name=name, kind=kind_of(link["to"]), label=name)
            graph.add_edge(
                node["id"],
                link["to"],
                key=link["props"].get("key"),
                type=link["type"],
                **_attributes(link["props"]),
            )
    out = io.BytesIO()
    nx.write_graphml(graph, out)
    return out.getvalue()


def _attributes(props: dict[str, Any]) -> dict[str, Any]:
    """GraphML takes text, numbers and booleans; lists are joined, dates written as text."""
    kept = {}
    for key, value in props.items():
        if key in ("id", "key"):
            continue
        if isinstance(value, list):
            value = native.SEPARATOR.join(str(v) for v in value)
        kept[key] = value if isinstance(value, str | int | float | bool) else str(value)
    return kept
