"""A record on the map as every layer passes it: a node as its id and properties
(`MapRecord`), and a relationship keyed by (from, type, to), or, for citations, also by
section (`LinkRow`). The seed, edits and imports write them; reads hand them up."""

from dataclasses import dataclass, field
from typing import Any

from service.model.ids import LABELS, kind_of
from service.model.relationships import RELATIONSHIPS

Props = dict[str, Any]
# A record's name as lists sort it, stored beside the name and indexed (migration 17), so a
# page of organizations or initiatives is read in index order instead of sorting every
# match. Neo4j's toLower, which the migration uses for records stored before it, lower-
# cases as Python's str.lower does. Bookkeeping, like `version`: kept out of the audit
# trail's states (editing/changes.state) and never shown or exported (both list the kind's
# declared fields only).
SORT_KEY = "name_key"


def with_sort_key(props: Props) -> Props:
    """`props` as stored: with the sort key of its name, if it has one."""
    name = props.get("name")
    return {**props, SORT_KEY: name.lower()} if isinstance(name, str) else props


@dataclass(frozen=True)
class MapRecord:
    """A node: its global id and its properties."""

    id: str
    props: Props

    @property
    def kind(self) -> str:
        return kind_of(self.id)

    @property
    def name(self) -> str:
        return str(self.props.get("name", self.id))

    @property
    def short_name(self) -> str:
        """Short enough to draw: an acronym, or an SDG target's code, else the name."""
        if self.kind == "sdg-target":
            return f"SDG {self.props['code']}"
        return str(self.props.get("acronym") or self.name)

    @classmethod
    def from_row(cls, row: Props) -> "MapRecord":
        """From a statement's row holding `id` and `props`."""
        return cls(row["id"], row["props"])

    @property
    def label(self) -> str:
        return LABELS[kind_of(self.id)]

    def as_parameter(self) -> Props:
        props = {k: v for k, v in self.props.items() if v is not None}
        return {
            "id": self.id,
            "label": self.label,
            "props": with_sort_key({**props, "id": self.id}),
        }


@dataclass(frozen=True)
class LinkRow:
    source_id: str
    type: str
    target_id: str
    props: Props = field(default_factory=dict)

    @property
    def key(self) -> str:
        return link_key(self.source_id, self.type, self.target_id, self.props)

    def as_parameter(self) -> Props:
        props = {k: v for k, v in self.props.items() if v is not None}
        return {
            "from": self.source_id,
            "type": self.type,
            "to": self.target_id,
            "props": {**props, "key": self.key},
        }


# The property that tells apart two relationships of a type between the same two records:
# a citation's section, and the property a type is keyed by (a person's seat).
KEYED_BY: dict[str, str] = {
    "CITED_IN": "section",
    **{t: r.keyed_by for t, r in RELATIONSHIPS.items() if r.keyed_by},
}


def link_key(source_id: str, link_type: str, target_id: str, props: Props) -> str:
    """What tells a relationship apart: its ends and type, and, for a type in KEYED_BY,
    that property (Cypher that moves relationships, such as a merge, keys them alike)."""
    base = f"{source_id}|{link_type}|{target_id}"
    keyed_by = KEYED_BY.get(link_type)
    return f"{base}|{props.get(keyed_by) or ''}" if keyed_by else base


def cited_in(node_id: str, source_id: str, section: str | None, note: str) -> LinkRow:
    return LinkRow(node_id, "CITED_IN", source_id, {"section": section, "note": note})
