"""Compiling a nested selection into one Cypher statement, for the lean read path.

When the lean executor (fast_reads.py) reaches records whose selection reaches out along
relationships (an organization's initiatives and their places, say), it asks here for a
statement that answers that whole selection for many records at once, put together from
the fragments in cypher/projections/. The statement returns each answer as nested lists
of values in the selection's order (Neo4j keeps no order in maps), and `Shape` turns them
back into the response's maps, keyed by the request's own names and aliases.

The table below says which fields compile and how: each record type's fields with the
property they read, and the relationship fields with their types, direction and the kinds
at the far end. It follows types.py field for field (`of` and the resolvers); a test
compares every compiled field with strawberry's answer, so the two cannot drift apart
unseen. A selection with any field outside the table (one that takes arguments, money,
provenance, the analyses) is not compiled, and the executor answers it as before."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from graphql import (
    FieldNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    GraphQLUnionType,
    SelectionSetNode,
)

from service.db.queries import Fragment, Query, load_fragments
from service.model.ids import LABELS
from service.model.relationships import INITIATIVE_ROLES

Collect = Callable[[GraphQLObjectType, list[SelectionSetNode]], dict[str, list[FieldNode]]]

# Every record's fields (the Node interface): GraphQL name -> (fragment, its slots).
_COMMON: dict[str, tuple[str, dict[str, str]]] = {
    "id": ("property", {"property": "id"}),
    "kind": ("kind", {}),
    "name": ("property_or", {"property": "name", "otherwise": "id"}),
    "version": ("version", {}),
    "retired": ("retired", {}),
    "lastVerified": ("property_text", {"property": "last_verified"}),
}


def _text(prop: str) -> tuple[str, dict[str, str]]:
    return ("property_text", {"property": prop})


def _list(prop: str) -> tuple[str, dict[str, str]]:
    return ("property_list", {"property": prop})


def _enum(prop: str, enum: str) -> tuple[str, dict[str, str]]:
    return ("property_enum", {"property": prop, "enum": enum})


def _integer(prop: str) -> tuple[str, dict[str, str]]:
    return ("property_integer", {"property": prop})


# Each record type's own fields, as its `of` in types.py reads them.
_FIELDS: dict[str, dict[str, tuple[str, dict[str, str]]]] = {
    "Organization": {
        "acronym": _text("acronym"),
        "type": _enum("type", "OrganizationType"),
        "iatiRef": _text("iati_ref"),
        "description": _text("description"),
    },
    "Initiative": {
        "initiativeKind": _enum("kind", "InitiativeKind"),
        "status": _enum("status", "InitiativeStatus"),
        "description": _text("description"),
        "start": _text("start"),
        "end": _text("end"),
        "areas": _list("areas"),
        "sectors": _list("sectors"),
        "iatiIdentifier": _text("iati_identifier"),
        "statusSince": _text("status_since"),
    },
    "Country": {
        "iso3": _text("iso3"),
        "iso2": _text("iso2"),
        "m49": _text("m49"),
        "unRegion": _text("un_region"),
        "unSubRegion": _text("un_sub_region"),
        "iloRegion": _text("ilo_region"),
    },
    "Region": {"scheme": ("property_default", {"property": "scheme", "value": "''"})},
    "Theme": {"description": _text("description")},
    "Sdg": {"number": _integer("number")},
    "SdgTarget": {"code": _text("code"), "goalNumber": _integer("goal")},
    "ActionGroup": {
        "acronym": _text("acronym"),
        "groupKind": _enum("kind", "ActionGroupKind"),
        "description": _text("description"),
    },
    "Event": {
        "eventKind": _enum("kind", "EventKind"),
        "status": _enum("status", "EventStatus"),
        "date": _text("date"),
        "endDate": _text("end_date"),
        "city": _text("city"),
        "description": _text("description"),
    },
    "Source": {
        "title": ("property_or", {"property": "name", "otherwise": "id"}),
        "publisher": _text("publisher"),
        "date": _text("date"),
        "url": _text("url"),
        "description": _text("description"),
        "sections": _list("sections"),
        "documentType": _enum("document_type", "DocumentType"),
        "language": _text("language"),
    },
}


@dataclass(frozen=True)
class _Relation:
    """A field whose values are at the far end of relationships: their types, whether
    they run out of the record or into it, the kinds allowed there (None: any), and what
    each value is (the far node, an organization's part in an initiative, a citation)."""

    types: tuple[str, ...]
    outgoing: bool
    kinds: tuple[str, ...] | None
    wrap: str = "node"


_RELATIONS: dict[tuple[str, str], _Relation] = {
    ("Initiative", "participants"): _Relation(
        INITIATIVE_ROLES, False, ("organization",), "participation"
    ),
    ("Organization", "initiatives"): _Relation(
        INITIATIVE_ROLES, True, ("initiative",), "participation"
    ),
    ("Initiative", "operatesIn"): _Relation(("OPERATES_IN",), True, None),
    ("Initiative", "themes"): _Relation(("ADDRESSES",), True, ("theme",)),
    ("Initiative", "sdgTargets"): _Relation(("CONTRIBUTES_TO",), True, ("sdg-target",)),
    ("Initiative", "coordinatedBy"): _Relation(("COORDINATES",), False, ("action-group",)),
    ("Initiative", "endorsedBy"): _Relation(("ENDORSED",), False, ("action-group",)),
    ("Initiative", "events"): _Relation(("PART_OF",), False, ("event",)),
    ("Organization", "basedIn"): _Relation(("BASED_IN",), True, ("country",)),
    ("Country", "regions"): _Relation(("IN_REGION",), True, ("region",)),
}
# Every record's citations (MapNode.sources).
_CITATIONS = _Relation(("CITED_IN",), True, ("source",), "citation")


@dataclass(frozen=True)
class Shape:
    """Turns a compiled answer (values in the selection's order) into the response's map:
    for each key, None for a value as it is, else the shape of the object, or of each
    object of a list, or of each possible type (the answer then names which)."""

    keys: tuple[str, ...]
    parts: tuple["Part | None", ...]

    def build(self, values: list[Any]) -> dict[str, Any]:
        out = {}
        for key, part, value in zip(self.keys, self.parts, values, strict=True):
            out[key] = value if part is None or value is None else part.build(value)
        return out


@dataclass(frozen=True)
class Part:
    shapes: tuple[Shape, ...]  # one, or one per possible type
    many: bool

    def build(self, value: Any) -> Any:
        if self.many:
            return [self._one(v) for v in value]
        return self._one(value)

    def _one(self, value: list[Any]) -> dict[str, Any]:
        if len(self.shapes) == 1:
            return self.shapes[0].build(value)
        position, answer = value
        shape: Shape = self.shapes[int(position)]
        return shape.build(answer)


@dataclass(frozen=True)
class Plan:
    """A compiled selection: the statement, and how to shape each node's answer."""

    query: Query
    shape: Shape
    enums: Mapping[str, Mapping[str, str]]

    def parameters(self, ids: list[str]) -> dict[str, Any]:
        given: dict[str, Any] = {"ids": ids}
        if "enums" in self.query.parameters:
            given["enums"] = self.enums
        return given


class NotCompiled(Exception):
    """A selection with a field outside the table."""


@dataclass
class _Compiler:
    parts: dict[str, Fragment]
    collect: Collect
    counter: int = 0
    reaches_out: bool = False

    def variable(self) -> str:
        self.counter += 1
        return f"n{self.counter}"

    def fill(self, name: str, **slots: str) -> str:
        return self.parts[name].fill(**slots)

    def record(
        self, type_: GraphQLObjectType, sets: list[SelectionSetNode], node: str
    ) -> tuple[str, Shape]:
        """A record's answer: its fields' values, in order."""
        return self._values(type_, sets, lambda nodes: self._field(type_, nodes, node))

    def _values(
        self,
        type_: GraphQLObjectType,
        sets: list[SelectionSetNode],
        field: Callable[[list[FieldNode]], tuple[str, "Part | None"]],
    ) -> tuple[str, Shape]:
        """An object's answer: each selected field's value by `field`, in order, and the
        shape that keys them; a field given arguments does not compile."""
        values, keys, parts = [], [], []
        for key, nodes in self.collect(type_, sets).items():
            if nodes[0].arguments:
                raise NotCompiled(nodes[0].name.value)
            value, part = field(nodes)
            values.append(value)
            keys.append(key)
            parts.append(part)
        return self.fill("values", values=", ".join(values)), Shape(tuple(keys), tuple(parts))

    def _field(
        self, type_: GraphQLObjectType, nodes: list[FieldNode], node: str
    ) -> tuple[str, Part | None]:
        name = nodes[0].name.value
        if name == "__typename":
            return self.fill("constant", value=f"'{type_.name}'"), None
        own = _COMMON.get(name) or _FIELDS.get(type_.name, {}).get(name)
        if own is not None:
            fragment, slots = own
            return self.fill(fragment, node=node, **slots), None
        relation = _RELATIONS.get((type_.name, name)) or (
            _CITATIONS if name == "sources" and type_.name in _FIELDS else None
        )
        if relation is None:
            raise NotCompiled(name)
        self.reaches_out = True
        target = type_.fields[name].type
        return self._relation(relation, target, _sets(nodes), node)

    def _relation(
        self,
        relation: _Relation,
        target: GraphQLOutputType,
        sets: list[SelectionSetNode],
        here: str,
    ) -> tuple[str, Part]:
        far, link = self.variable(), f"r{self.counter}"
        item = _unwrap(target)
        if relation.wrap == "node":
            answer, shapes = self._node(item, sets, far)
        else:
            assert isinstance(item, GraphQLObjectType)
            assert relation.kinds is not None
            ends = _Ends(here, far, link, LABELS[relation.kinds[0]])
            answer, shape = self._wrapper(relation.wrap, item, sets, ends)
            shapes = (shape,)
        kinds = " OR ".join(f"{far}:{LABELS[kind]}" for kind in relation.kinds or ()) or "true"
        text = self.fill(
            "links",
            here=here,
            left="-" if relation.outgoing else "<-",
            link=link,
            types="|".join(relation.types),
            right="->" if relation.outgoing else "-",
            far=far,
            kinds=kinds,
            answer=answer,
        )
        return text, Part(shapes, many=True)

    def _node(
        self, item: Any, sets: list[SelectionSetNode], far: str
    ) -> tuple[str, tuple[Shape, ...]]:
        """The far node's answer; for a union (a place), one case per possible type."""
        if isinstance(item, GraphQLObjectType):
            answer, shape = self.record(item, sets, far)
            return answer, (shape,)
        if not isinstance(item, GraphQLUnionType):
            raise NotCompiled(str(item))
        cases, shapes = [], []
        for position, member in enumerate(item.types):
            answer, shape = self.record(member, sets, far)
            cases.append(
                self.fill(
                    "case", node=far, label=member.name, position=str(position), answer=answer
                )
            )
            shapes.append(shape)
        return self.fill("one_of", cases=" ".join(cases)), tuple(shapes)

    def _wrapper(
        self, wrap: str, type_: GraphQLObjectType, sets: list[SelectionSetNode], ends: "_Ends"
    ) -> tuple[str, Shape]:
        """An organization's part in an initiative, or a citation: built from the
        relationship and its two ends."""
        return self._values(type_, sets, lambda nodes: self._wrapped(wrap, type_, nodes, ends))

    def _wrapped(
        self, wrap: str, type_: GraphQLObjectType, nodes: list[FieldNode], ends: "_Ends"
    ) -> tuple[str, Part | None]:
        name = nodes[0].name.value
        if name == "__typename":
            return self.fill("constant", value=f"'{type_.name}'"), None
        if wrap == "participation" and name == "role":
            return self.fill("link_type", link=ends.link), None
        if wrap == "citation" and name in ("section", "note"):
            return self.fill("property", node=ends.link, property=name), None
        if wrap == "citation" and name == "basis":
            return self.fill("constant", value="'STATED'"), None
        if wrap == "citation" and name == "inferredFrom":
            return self.fill("constant", value="null"), None
        allowed = {"organization", "initiative"} if wrap == "participation" else {"source"}
        if name not in allowed:
            raise NotCompiled(name)
        item = _unwrap(type_.fields[name].type)
        assert isinstance(item, GraphQLObjectType)
        # Seen from an initiative, the organization is at the far end; seen from the
        # organization, it is the record itself.
        node = ends.far if item.name == ends.far_type else ends.here
        answer, shape = self.record(item, _sets(nodes), node)
        return answer, Part((shape,), many=False)


@dataclass(frozen=True)
class _Ends:
    """The variables of a relationship's near end, far end and the relationship, and the
    type of the far end."""

    here: str
    far: str
    link: str
    far_type: str


def _sets(nodes: list[FieldNode]) -> list[SelectionSetNode]:
    return [n.selection_set for n in nodes if n.selection_set]


def _unwrap(type_: Any) -> Any:
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        type_ = type_.of_type
    return type_


class Projections:
    """Compiled selections, made once per (type, selection) and kept."""

    def __init__(self, schema: GraphQLSchema, folder: Path) -> None:
        self.parts = load_fragments(folder)
        self.enums = _enum_names(schema)
        self._plans: dict[tuple[str, tuple[int, ...]], Plan | None] = {}

    def plan(
        self, type_: GraphQLObjectType, sets: list[SelectionSetNode], collect: Collect
    ) -> Plan | None:
        """The compiled selection, or None if it does not compile or reaches no further
        than the record's own fields (which the record read already holds)."""
        key = (type_.name, tuple(id(s) for s in sets))
        if key not in self._plans:
            self._plans[key] = self._compile(type_, sets, collect)
        return self._plans[key]

    def forget(self) -> None:
        self._plans.clear()

    def _compile(
        self, type_: GraphQLObjectType, sets: list[SelectionSetNode], collect: Collect
    ) -> Plan | None:
        if type_.name not in _FIELDS:
            return None
        compiler = _Compiler(self.parts, collect)
        try:
            answer, shape = compiler.record(type_, sets, "n0")
        except NotCompiled:
            return None
        if not compiler.reaches_out:
            return None
        text = self.parts["statement"].fill(answer=answer)
        parameters = frozenset({"ids", *(["enums"] if "$enums" in text else [])})
        query = Query("projections/compiled", text, parameters, "id, answer")
        return Plan(query, shape, self.enums)


def _enum_names(schema: GraphQLSchema) -> dict[str, dict[str, str]]:
    """Each enum's GraphQL names by the value stored in the map."""
    found = {}
    for name, type_ in schema.type_map.items():
        if isinstance(type_, GraphQLEnumType) and not name.startswith("__"):
            found[name] = {
                str(v.value.value if isinstance(v.value, Enum) else v.value): key
                for key, v in type_.values.items()
            }
    return found
