"""Compiling a nested selection into one Cypher statement, for the lean read path.

When the lean executor (fast_reads.py) reaches records whose selection reaches out along
relationships (an organization's initiatives and their places, say), it asks here for a
statement that answers that whole selection for many records at once, put together from
the fragments in cypher/projections/. The statement returns each answer as nested lists
of values in the selection's order (Neo4j keeps no order in maps), and `Shape` turns them
back into the response's maps, keyed by the request's own names and aliases.

The table below says which fields compile and how: each record type's fields with the
property they read, and the relationship fields with their types, direction and the kinds
at the far end. Both are made from the declarations types.py makes its types from
(service/model/shown.py and the sides in service/model/relationships.py); tests compare
every compiled field with strawberry's answer, so the two cannot drift apart unseen. A
selection with any field outside the table (one that takes arguments, money, provenance,
the analyses) is not compiled, and the executor answers it as before."""

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
from service.model.fields import camel_case
from service.model.ids import LABELS
from service.model.relationships import INITIATIVE_ROLES, sides
from service.model.shown import INTEGER, SHOWN, TEXT, TEXTS, Prop, Shown

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


# The kinds whose selections compile: those whose compiled answers tests compare with
# strawberry's field by field. People, commitments and indicators are answered by the
# executor's resolvers until they are compared too.
_COMPILED_KINDS = (
    "organization",
    "initiative",
    "action-group",
    "country",
    "region",
    "sdg",
    "sdg-target",
    "theme",
    "event",
    "source",
)


def _fragment(prop: Prop) -> tuple[str, dict[str, str]] | None:
    """The fragment that reads a declared property as the GraphQL type's `of` does; None
    for one no fragment reads."""
    stored = prop.stored_as
    if prop.or_id:
        return ("property_or", {"property": stored, "otherwise": "id"})
    if prop.default is not None:
        # The one stand-in a fragment takes as it is: the empty text.
        return (
            ("property_default", {"property": stored, "value": "''"}) if not prop.default else None
        )
    if prop.enum:
        return ("property_enum", {"property": stored, "enum": prop.enum})
    fragment = {TEXT: "property_text", TEXTS: "property_list", INTEGER: "property_integer"}
    return (fragment[prop.holds], {"property": stored})


def _own_fields(shown: Shown) -> dict[str, tuple[str, dict[str, str]]]:
    found = {camel_case(p.field): _fragment(p) for p in shown.props()}
    return {name: fragment for name, fragment in found.items() if fragment is not None}


# Each record type's own fields, from the kinds' declarations (service/model/shown.py).
_FIELDS: dict[str, dict[str, tuple[str, dict[str, str]]]] = {
    SHOWN[kind].name: _own_fields(SHOWN[kind]) for kind in _COMPILED_KINDS
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


def _side_relations(kind: str) -> dict[tuple[str, str], _Relation]:
    """A kind's relationship sides that list records of some kinds, from the relationships'
    declarations. A side of at most one record, or of records of any kind (typed Node), is
    answered by its resolver."""
    return {
        (SHOWN[kind].name, camel_case(name)): _Relation(
            (link_type,), side.out, None if side.far in ("node", "place") else (side.far,)
        )
        for name, (link_type, side) in sides(kind).items()
        if not side.one and side.far != "node"
    }


_RELATIONS: dict[tuple[str, str], _Relation] = {
    # Specials: an organization's part in an initiative, seen from either end.
    ("Initiative", "participants"): _Relation(
        INITIATIVE_ROLES, False, ("organization",), "participation"
    ),
    ("Organization", "initiatives"): _Relation(
        INITIATIVE_ROLES, True, ("initiative",), "participation"
    ),
    **{key: r for kind in _COMPILED_KINDS for key, r in _side_relations(kind).items()},
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
