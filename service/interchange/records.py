"""A record on the map as a row of its kind's file, the one shape both export and import
use. A record's own links (an initiative's countries, themes...) become its columns; its
first citation (by key) fills its source, section and note columns and any others become
CITED_IN relationships; every other relationship is a row of its own. Export writes these
rows; import reads a record's current row to keep what a file leaves empty."""

from typing import Any

from service.editing.references import FIELD_KINDS
from service.interchange.rows import CITATION, COUNTRY_FIELDS, columns, list_fields
from service.model.ids import kind_of
from service.model.kinds import DRAFTS


def record_row(kind: str, node: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
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


def draft_values(kind: str, node: dict[str, Any]) -> dict[str, Any]:
    """A node as its draft's input: each field the draft declares, as the map holds it,
    and every citation (its row holds the first; CITED_IN rows the rest)."""
    held, others = record_row(kind, node)
    fields = DRAFTS[kind].model_fields
    values = {name: held[name] for name in fields if name in held}
    if "cited" in fields:
        first = [{k: held.get(k) for k in CITATION}] if held.get("source") else []
        values["cited"] = first + [
            {"source": c["to"], "section": c.get("section"), "note": c.get("note")}
            for c in others
            if c["type"] == "CITED_IN"
        ]
    return values


def _own_field(link: dict[str, Any], fields: list[str]) -> str | None:
    """The draft field this link is, if it is one of the record's own."""
    return next((f for f in fields if kind_of(link["to"]) in FIELD_KINDS[f].split()), None)


def _put(record: dict[str, Any], name: str, value: str, several: bool) -> None:
    if several:
        record[name].append(value)
    else:
        record[name] = value


def _short(field_name: str, node_id: str) -> str:
    """Countries as ISO alpha-3 codes, as the files write them. SDG targets keep their id
    (sdg-target:8.10): a bare 8.10 is read as the number 8.1 by spreadsheets and pandas."""
    if field_name in COUNTRY_FIELDS:
        return node_id.split(":", 1)[1]
    return node_id


def _relationship(from_id: str, link: dict[str, Any]) -> dict[str, Any]:
    props = link["props"]
    row = {k: v for k, v in props.items() if k != "key"}
    if link["type"] == "CITED_IN":
        row.pop("source", None)
    return {**row, "from": from_id, "type": link["type"], "to": link["to"]}
