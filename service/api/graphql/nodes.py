"""What every record type shares, below the kinds' own types: the `Node` interface
(`MapNode`), citations and relationships seen from a node, the per-request link reads the
resolvers use, and `declared`, which makes a kind's GraphQL type from its declaration in
the model (service/model/shown.py, and the relationship sides in relationships.py).
`types.py` and `accountability.py` declare the kinds' types on it; `node_of` makes the
type a record's kind names. Resolvers ask the per-request loaders; none runs Cypher."""

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Self, TypeVar, cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from service.api.graphql import inputs
from service.api.graphql.context import Context
from service.api.graphql.inputs import FactBasis
from service.api.graphql.seen import SEEN, Seen, seen_of
from service.domain.links import CITATIONS, LinkSpec
from service.domain.records import LinkRecord, Provenance
from service.errors import BadInput
from service.model.fields import camel_case, ended
from service.model.ids import LABELS
from service.model.kinds import alias_parts, inferred_parts
from service.model.records import MapRecord
from service.model.relationships import RELATIONSHIPS, TIME, Side, sides
from service.model.shown import INTEGER, SHOWN, TEXT, TEXTS, Prop, Shown

if TYPE_CHECKING:
    from service.api.graphql.types import Place, Source

Ctx = Info[Context, None]
# The modules the kinds' types are written in, above this one: fields here name those types
# lazily (strawberry reads the module when it builds the schema), so no import runs up.
_TYPES = "service.api.graphql.types"
_ACCOUNTABILITY = "service.api.graphql.accountability"
# Relationship types with a published need figure at one end. A need figure is no record of
# the map (no Node type): `relationships` does not list them, and a client asking for them is
# pointed to where need figures are read (Country.need, Indicator.values, coverage).
NEED_TYPES = frozenset(t for t, r in RELATIONSHIPS.items() if "need" in r.starts | r.ends)
# The stored relationships `relationships` lists when asked for none in particular.
STORED_TYPES = tuple(sorted(set(RELATIONSHIPS) - {"IN_REGION", "CITED_IN"} - NEED_TYPES))
# The GraphQL type of each kind of record on the map, by kind: `declared` adds each as it
# makes it (types.py and accountability.py, read with the package), and `node_of` reads it.
TYPES: dict[str, Any] = {}
# Every kind of record, as `Node.kind` lists them (a need figure is no record).
_KINDS = [kind for kind in LABELS if kind != "need"]
_KINDS_NAMED = ", ".join(_KINDS[:-1]) + " or " + _KINDS[-1]
# A relationship's properties that NodeRelationship gives fields of their own.
_SHOWN_APART = frozenset(("key", "source", "section", "note", "basis", "inferred_from", *TIME))
N = TypeVar("N")


async def _links(info: Ctx, node_id: str, direction: str, *types: str) -> list[LinkRecord]:
    spec = LinkSpec(tuple(sorted(types)), direction)  # type: ignore[arg-type]
    return await info.context.links(spec, node_id)


async def _ends(info: Ctx, node_id: str, direction: str, kind: str, *types: str) -> list[Any]:
    """The nodes of one kind at the far end of the given links."""
    return [
        node_of(link.node)
        for link in await _links(info, node_id, direction, *types)
        if link.node.kind == kind
    ]


@strawberry.type(description="Where a fact comes from.")
class Citation:
    source: Annotated["Source", strawberry.lazy(_TYPES)] | None = strawberry.field(
        description="The source document, where the citation names one."
    )
    section: str | None = strawberry.field(
        description="The section of the source, if it has sections."
    )
    note: str | None = strawberry.field(
        description="What the source says, in this project's words."
    )
    basis: FactBasis = strawberry.field(
        default=FactBasis.STATED,
        description="STATED: the source says so; INFERRED: the map infers it from what the "
        "source says (inferredFrom says from what).",
    )
    inferred_from: str | None = strawberry.field(
        default=None, description="For an inferred fact, what it is inferred from."
    )

    @classmethod
    def of(cls, provenance: Provenance) -> "Citation":
        source = node_of(provenance.source) if provenance.source else None
        return cls(
            source=source,
            section=provenance.section,
            note=provenance.note,
            basis=FactBasis(provenance.basis),
            inferred_from=provenance.inferred_from,
        )


@strawberry.type(description="A relationship of a node, seen from it, with its provenance.")
class NodeRelationship:
    type: str = strawberry.field(description="Its type, such as MEMBER_OF or FOLLOWS_UP.")
    outgoing: bool = strawberry.field(
        description="True if it runs from this node to the other, false if it runs in."
    )
    node: "MapNode" = strawberry.field(description="The node at the other end.")
    properties: JSON = strawberry.field(
        description="What it carries besides its citation (a seat, a role, money, people...)."
    )
    provenance: Citation = strawberry.field(description="The source that says so, and how.")
    since: str | None = strawberry.field(
        description="The date it holds from, where its source says (YYYY, YYYY-MM or "
        "YYYY-MM-DD); null: not known."
    )
    until: str | None = strawberry.field(
        description="The date it held until, where its source says; null: not known to have ended."
    )
    as_of: str | None = strawberry.field(
        description="The day it is known to hold: its source's date (13 November 2017 for "
        "the GCG report) or the day of the edit that added it; null: never verified (an "
        "import). A fact known only as of long ago may no longer hold."
    )
    ended: bool = strawberry.field(
        description="True if its `until` is before today; false says only that no end is "
        "recorded (see asOf for how old that knowledge is)."
    )
    # Its start's id and its key: what its provenance is kept by (seen.py).
    start_and_key: strawberry.Private[tuple[str, str]]

    @strawberry.field(description=SEEN)
    async def seen(self, info: Ctx) -> list[Seen]:
        return await seen_of(info, *self.start_and_key)


# Named Node in the schema: the Relay interface clients expect (a global, stable id that
# `node(id)` fetches again), with the fields every record on the map has.
@strawberry.interface(
    name="Node",
    description="Anything on the map, Relay's Node: ids are global and stable (kind:key), "
    "and `node(id)` fetches any of them again.",
)
class MapNode:
    id: strawberry.ID = strawberry.field(
        description="The record's stable id, kind:key, such as organization:ilo."
    )
    kind: str = strawberry.field(description=f"The kind of record: {_KINDS_NAMED}.")
    name: str = strawberry.field(
        description="Its name (a source's title, an SDG target's short title)."
    )
    version: int = strawberry.field(
        description="Goes up by one with every change; an update must send the version it read."
    )
    retired: bool = strawberry.field(
        description="True for a retired record, shown only where includeRetired asks for it."
    )
    last_verified: str | None = strawberry.field(
        description="When its facts were last checked against a source: the seed's are the "
        "date of the document they come from (13 November 2017 for the GCG report), an "
        "edit's the day it was made. Null: never verified (an imported record). A fact "
        "verified long ago may no longer hold."
    )
    inferred: list["Inference"] = strawberry.field(
        description="Its fields that its sources do not state but that the map infers from "
        "them, each with what from (a year worked out from 'in July' in a report of "
        "November 2017); every other field is as its sources state it."
    )
    if TYPE_CHECKING:
        # What `declared` gives every kind's type: its record's properties (a private
        # field) and its declaration. Named here for the type checker only.
        _props: dict[str, Any]
        _shown: ClassVar[Shown]

    @strawberry.field(
        description="Its stored relationships of the given types (all but citations, "
        "region nesting and need figures when none are given), each with the node at the "
        "other end and its provenance: how a membership, a follow-up or an endorsement is "
        "known. Need figures are read through Country.need, Indicator.values and coverage."
    )
    async def relationships(
        self, info: Ctx, types: list[str] | None = None
    ) -> list[NodeRelationship]:
        wanted = tuple(types) if types else STORED_TYPES
        unknown = sorted(set(wanted) - set(RELATIONSHIPS))
        if unknown:
            raise BadInput(f"types: {', '.join(unknown)} is no relationship type")
        if NEED_TYPES & set(wanted):
            raise BadInput(
                f"types: {', '.join(sorted(NEED_TYPES & set(wanted)))} join published need "
                "figures, which are read through Country.need, Indicator.values and coverage"
            )
        links = await _links(info, str(self.id), "both", *wanted)
        return [
            NodeRelationship(
                type=link.type,
                outgoing=link.outgoing,
                node=node_of(link.node),
                properties=cast(
                    JSON,
                    {k: v for k, v in link.props.items() if k not in _SHOWN_APART},
                ),
                provenance=Citation.of(link.provenance),
                since=_text(link.props.get("since")),
                until=_text(link.props.get("until")),
                as_of=_text(link.props.get("as_of")),
                ended=ended(link.props.get("until"), date.today()),
                start_and_key=(
                    str(self.id) if link.outgoing else link.node.id,
                    str(link.props["key"]),
                ),
            )
            for link in links
        ]

    @strawberry.field(description=SEEN)
    async def seen(self, info: Ctx) -> list[Seen]:
        return await seen_of(info, str(self.id), str(self.id))

    @strawberry.field(description="The documents, and sections, this node is known from.")
    async def sources(self, info: Ctx) -> list[Citation]:
        links = await info.context.links(CITATIONS, str(self.id))
        return [
            Citation(
                source=node_of(link.node),
                section=link.props.get("section"),
                note=link.props.get("note"),
            )
            for link in links
        ]

    @classmethod
    def of(cls, record: MapRecord) -> Self:
        """The record as its kind's type, its properties read as its declaration says."""
        props = {p.field: _value(p, record) for p in cls._shown.props()}
        values: dict[str, Any] = {**_base(record), **props, "_props": record.props}
        return cls(**values)


def _text(value: Any) -> str | None:
    """A stored date (text or a Neo4j date) as text."""
    return None if value is None else str(value)


def _base(record: MapRecord) -> dict[str, Any]:
    return {
        "id": strawberry.ID(record.id),
        "kind": record.kind,
        "name": record.name,
        "version": int(record.props.get("version", 1)),
        "retired": "retired" in record.props,
        "last_verified": record.props.get("last_verified"),
        "inferred": _inferences(record.props),
    }


@strawberry.type(description="A field of a record that its sources do not state outright.")
class Inference:
    field: str = strawberry.field(description="The field, as GraphQL names it (date, founded).")
    inferred_from: str = strawberry.field(description="What it is inferred from.")


def _inferences(props: dict[str, Any]) -> list[Inference]:
    found = [inferred_parts(str(i)) for i in props.get("inferred") or []]
    return [Inference(field=camel_case(field), inferred_from=why) for field, why in found]


@strawberry.type(description="Another name a record goes by, and the language it is in.")
class Alias:
    name: str = strawberry.field(description="The name, as written in that language.")
    language: str = strawberry.field(
        description="The language, as an ISO 639 code (en, fr, es...)."
    )


def aliases_of(props: dict[str, Any]) -> list[Alias]:
    """A record's other names, each with its language."""
    found = [alias_parts(str(a)) for a in props.get("aliases") or []]
    return [Alias(name=name, language=language) for language, name in found]


ALIASES = "Other names it goes by (in French, Spanish, short...), each with its language."


# --- The kinds' types, made from their declarations (service/model/shown.py) --------------

# The module each kind's type is written in, where it is not types.py.
_HOMES = {"person": _ACCOUNTABILITY, "commitment": _ACCOUNTABILITY, "indicator": _ACCOUNTABILITY}
_HOLDS: dict[str, Any] = {TEXT: str, TEXTS: list[str], INTEGER: int}


def declared(kind: str) -> Callable[[type[N]], type[N]]:
    """Makes a kind's GraphQL type from its declaration: its properties and relationship
    sides as fields, in the declared order, and the hand-written fields of the decorated
    class (its specials, and the helpers they call) where the declaration places them. The
    type joins `TYPES`, so `node_of` makes it for a record of the kind."""
    shown = SHOWN[kind]

    def make(written: type[N]) -> type[N]:
        namespace: dict[str, Any] = {"__module__": written.__module__, "_shown": shown}
        notes: dict[str, Any] = {}
        props = {p.field: p for p in shown.props()}
        specials = {s.field for s in shown.specials()}
        links = sides(kind)
        for name in shown.order():
            if name in props:
                notes[name] = _annotation(props[name])
                namespace[name] = strawberry.field(description=props[name].description)
            elif name in specials:
                namespace[name] = vars(written)[name]
            else:
                namespace[name] = _side_field(written.__module__, *links[name])
        unplaced = [
            name
            for name, value in vars(written).items()
            if isinstance(value, dataclasses.Field) and name not in namespace
        ]
        if unplaced:
            raise TypeError(f"{kind}: {unplaced} are no Special of its declaration")
        helpers = {k: v for k, v in vars(written).items() if not k.startswith("__")}
        namespace.update({k: v for k, v in helpers.items() if k not in namespace})
        namespace["__annotations__"] = {**notes, "_props": strawberry.Private[dict[str, Any]]}
        made = type(written.__name__, (MapNode,), namespace)
        made.__qualname__ = written.__qualname__
        TYPES[kind] = strawberry.type(made, description=shown.description)
        return cast(type[N], TYPES[kind])

    return make


def _annotation(prop: Prop) -> Any:
    held = inputs.value_list(prop.enum) if prop.enum else _HOLDS[prop.holds]
    return held if prop.required or prop.holds == TEXTS else held | None


def _value(prop: Prop, record: MapRecord) -> Any:
    """A property as its declaration says: text (a Neo4j date as text), a list, a whole
    number or a value of its list; null where it is not stored."""
    value = record.props.get(prop.stored_as, prop.default)
    if value is None and prop.or_id:
        return record.id
    if prop.holds == TEXTS:
        return list(value or [])
    if value is None or (prop.enum and value == ""):
        return None
    if prop.enum:
        return inputs.value_list(prop.enum)(value)
    return int(value) if prop.holds == INTEGER else str(value)


def _side_field(module: str, link_type: str, side: Side) -> Any:
    """The field a relationship type gives the records at one of its ends."""
    direction = "out" if side.out else "in"

    async def far_ends(self: MapNode, info: Ctx) -> Any:
        if side.far in ("node", "place"):
            links = await _links(info, str(self.id), direction, link_type)
            return [node_of(link.node) for link in links]
        found = await _ends(info, str(self.id), direction, side.far, link_type)
        return (found[0] if found else None) if side.one else found

    far_ends.__module__ = module
    far_ends.__name__ = far_ends.__qualname__ = side.field
    far_ends.__annotations__["return"] = _far_type(side)
    return strawberry.field(resolver=far_ends, description=side.description)


def _far_type(side: Side) -> Any:
    if side.far == "node":
        return list[MapNode]
    if side.far == "place":
        return list[Annotated["Place", strawberry.lazy(_TYPES)]]
    # Named lazily: the far kind's type may be made after this one, or in another module.
    far: Any = Annotated[SHOWN[side.far].name, strawberry.lazy(_HOMES.get(side.far, _TYPES))]
    return far | None if side.one else list[far]


def node_of(record: MapRecord) -> Any:
    """The GraphQL object for a map record, of the type its kind names."""
    return TYPES[record.kind].of(record)


def all_types() -> list[Any]:
    """Every record type, those registered from other modules included."""
    return list(TYPES.values())
