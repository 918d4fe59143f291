"""How the kinds' GraphQL types are made, below `types.py` where they are written: `declared`
makes a kind's type from its declaration in the model (service/model/shown.py, and the
relationship sides in relationships.py) with the specials written beside it; `TYPES` holds
the type of each kind and `node_of` makes the one a record's kind names; `links_at` and
`ends_at` are the per-request link reads every resolver uses. Resolvers ask the per-request
loaders; none runs Cypher. Nothing here names a type of `types.py`: a made field's type is
named in the module of the type declaring it, where every record type is written."""

import dataclasses
from collections.abc import Callable
from typing import Annotated, Any, TypeVar, cast

import strawberry
from strawberry.types import Info

from service.api.graphql import inputs
from service.api.graphql.context import Context
from service.api.graphql.values import Inference
from service.domain.links import LinkSpec
from service.domain.records import LinkRecord
from service.model.fields import camel_case
from service.model.ids import LABELS
from service.model.kinds import inferred_parts
from service.model.records import MapRecord
from service.model.relationships import RELATIONSHIPS, Side, sides
from service.model.shown import FLAG, INTEGER, NUMBER, SHOWN, TEXT, TEXTS, Prop, Shown

Ctx = Info[Context, None]
# Relationship types with a published need figure at one end. A need figure is no record of
# the map (no Node type): `relationships` does not list them, and a client asking for them is
# pointed to where need figures are read (Country.need, Indicator.values, coverage).
NEED_TYPES = frozenset(t for t, r in RELATIONSHIPS.items() if "need" in r.starts | r.ends)
# The stored relationships `relationships` lists when asked for none in particular.
STORED_TYPES = tuple(sorted(set(RELATIONSHIPS) - {"IN_REGION", "CITED_IN"} - NEED_TYPES))
# The GraphQL type of each kind of record on the map, by kind: `declared` adds each as it
# makes it (types.py, read with the package), and `node_of` reads it.
TYPES: dict[str, Any] = {}
# Every kind of record, as `Node.kind` lists them (a need figure is no record).
KINDS = [kind for kind in LABELS if kind != "need"]
N = TypeVar("N")


async def links_at(info: Ctx, node_id: str, direction: str, *types: str) -> list[LinkRecord]:
    spec = LinkSpec(tuple(sorted(types)), direction)  # type: ignore[arg-type]
    return await info.context.links(spec, node_id)


async def ends_at(info: Ctx, node_id: str, direction: str, kind: str, *types: str) -> list[Any]:
    """The nodes of one kind at the far end of the given links."""
    return [
        node_of(link.node)
        for link in await links_at(info, node_id, direction, *types)
        if link.node.kind == kind
    ]


def fields_of(shown: Shown, record: MapRecord) -> dict[str, Any]:
    """What a record's type is made with: the fields every record has, its properties read
    as its declaration says, and the record's properties themselves (a private field)."""
    props = {p.field: _value(p, record) for p in shown.props()}
    return {**_base(record), **props, "_props": record.props}


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


def _inferences(props: dict[str, Any]) -> list[Inference]:
    found = [inferred_parts(str(i)) for i in props.get("inferred") or []]
    return [Inference(field=camel_case(field), inferred_from=why) for field, why in found]


# --- The kinds' types, made from their declarations (service/model/shown.py) --------------

_HOLDS: dict[str, Any] = {TEXT: str, TEXTS: list[str], INTEGER: int, NUMBER: float, FLAG: bool}


def declared(kind: str) -> Callable[[type[N]], type[N]]:
    """Makes a kind's GraphQL type from its declaration: its properties and relationship
    sides as fields, in the declared order, and the hand-written fields of the decorated
    class (its specials, and the helpers they call) where the declaration places them. The
    type joins `TYPES`, so `node_of` makes it for a record of the kind. The decorated class
    names the interface it implements as its base (types.MapNode), so nothing here names it."""
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
        made = type(written.__name__, written.__bases__, namespace)
        made.__qualname__ = written.__qualname__
        TYPES[kind] = strawberry.type(made, description=shown.description)
        return cast(type[N], TYPES[kind])

    return make


def _annotation(prop: Prop) -> Any:
    held = inputs.value_list(prop.enum) if prop.enum else _HOLDS[prop.holds]
    return held if prop.required or prop.holds == TEXTS else held | None


def _value(prop: Prop, record: MapRecord) -> Any:
    """A property as its declaration says: text (a Neo4j date as text), a list, a whole
    number, a number, true or false, or a value of its list; null where it is not stored."""
    value = record.props.get(prop.stored_as, prop.default)
    if value is None and prop.or_id:
        return record.id
    if prop.holds == TEXTS:
        return list(value or [])
    if value is None or (prop.enum and value == ""):
        return None
    if prop.enum:
        return inputs.value_list(prop.enum)(value)
    if prop.holds == FLAG:
        return value in (True, "true")
    return _NUMBERS[prop.holds](value) if prop.holds in _NUMBERS else str(value)


_NUMBERS: dict[str, Callable[[Any], Any]] = {INTEGER: int, NUMBER: float}


def _side_field(module: str, link_type: str, side: Side) -> Any:
    """The field a relationship type gives the records at one of its ends."""
    direction = "out" if side.out else "in"

    async def far_ends(self: Any, info: Ctx) -> Any:
        if side.far in ("node", "place"):
            links = await links_at(info, str(self.id), direction, link_type)
            return [node_of(link.node) for link in links]
        found = await ends_at(info, str(self.id), direction, side.far, link_type)
        return (found[0] if found else None) if side.one else found

    far_ends.__module__ = module
    far_ends.__name__ = far_ends.__qualname__ = side.field
    far_ends.__annotations__["return"] = _far_type(module, side)
    return strawberry.field(resolver=far_ends, description=side.description)


def _far_type(module: str, side: Side) -> Any:
    """The type of the records at a relationship's far end, named in `module`, where the
    declaring type is written with every other record type (strawberry reads it when it
    builds the schema, once all are made)."""
    named = {"node": "MapNode", "place": "Place"}.get(side.far) or SHOWN[side.far].name
    far: Any = Annotated[named, strawberry.lazy(module)]
    return list[far] if side.far in ("node", "place") or not side.one else far | None


def node_of(record: MapRecord) -> Any:
    """The GraphQL object for a map record, of the type its kind names."""
    return TYPES[record.kind].of(record)


def all_types() -> list[Any]:
    """Every record type made so far (all of them once types.py is read)."""
    return list(TYPES.values())
