"""A lean executor for read queries the schema has already answered once without error.

graphql-core and strawberry spend most of a large answer's time on machinery around each
field (resolve info, paths, middleware, argument conversion for fields that take none):
Q2 of the peer benchmark returns thousands of fields. Once strawberry has run a query
string and answered it without errors (so it is valid and within the limits on depth,
aliases and tokens), that document is kept; the next request with the same string is
executed here: the same resolvers are called for fields that have one (so the per-level
link loading, one statement a level, and every rule they apply are the same), attributes
are read straight off the objects, and leaves are coerced by the schema's own types. The
answer is the one strawberry would give, key for key. Anything this executor does not
take on (a mutation, introspection, directives, an error, a null where the schema allows
none) falls back to strawberry, which then answers as it always does.

Nor does it answer anything that depends on who is asking. This executor reads attributes
and calls resolvers around strawberry's field extensions, permission classes included, so
a query touching a field that carries one, or that its schema marks as answered by caller
(rights.py), is never kept: strawberry answers it every time, for each caller. As a second
guard, a resolver that asks this executor who is calling sends the query back to
strawberry and it is not tried here again."""

import asyncio
import copy
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from inspect import isawaitable
from pathlib import Path as FilePath
from typing import Any

import strawberry
import structlog
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLAbstractType,
    GraphQLField,
    GraphQLID,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLResolveInfoHelpers,
    GraphQLSchema,
    GraphQLString,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    TypeInfo,
    TypeInfoVisitor,
    is_abstract_type,
    is_leaf_type,
    parse,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from graphql.language import Visitor, visit
from graphql.pyutils import Path
from strawberry.types import ExecutionResult, Info
from strawberry.types.field import StrawberryField
from strawberry.types.unset import UNSET

from service.api.graphql import rights
from service.api.graphql.projection import Plan, Projections
from service.db.driver import start_counting
from service.errors import MapError

log = structlog.get_logger(__name__)
# Query strings kept; the least recently used goes first.
KEPT = 1000


async def _gather(values: Sequence[Awaitable[Any]]) -> list[Any]:
    return list(await asyncio.gather(*values))


def _track(_: Sequence[Any]) -> None:
    raise _Fallback("a resolver that leaves work running")


_HELPERS = GraphQLResolveInfoHelpers(gather=_gather, track=_track)


class _Fallback(Exception):
    """Something this executor leaves to strawberry."""


class _AsksForCaller(_Fallback):
    """A resolver that asked who is calling: a query strawberry is to answer every time."""


async def _asks_for_caller() -> None:
    raise _AsksForCaller("a resolver that asks who is calling")


def _caller_unknown(context: Any) -> Any:
    """The request's context as this executor hands it to resolvers: the same database,
    settings and batchers, but no way to learn who is calling, since no answer given here
    may depend on that. (A copy, not a wrapper: resolvers read its attributes at full
    speed.)"""
    hidden = copy.copy(context)
    hidden.editor = hidden.reader = _asks_for_caller
    return hidden


@dataclass(frozen=True)
class _Prepared:
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]


@dataclass(frozen=True)
class _Field:
    """How to get one field of an object type: the attribute to read, else the resolver
    itself (when the request gives the field no arguments, so strawberry has none to
    convert), else strawberry's wrapper of it."""

    definition: GraphQLField
    attribute: str | None
    strawberry_field: StrawberryField | None = None
    resolver: Callable[..., Any] | None = None
    wants_info: bool = False


class FastReads:
    def __init__(self, schema: strawberry.Schema, cypher_dir: FilePath) -> None:
        self._schema: GraphQLSchema = schema._schema
        self._fields = _fields_of(schema)
        self._by_caller = _answered_by_caller(schema)
        self.projections = Projections(self._schema, cypher_dir / "projections")
        self._kept: OrderedDict[tuple[str, str | None], _Prepared] = OrderedDict()
        self._collected: dict[tuple[str, tuple[int, ...]], dict[str, list[FieldNode]]] = {}
        self.answered = 0  # requests answered here, for tests and benchmarks

    def learn(self, query: str | None, operation_name: str | None, result: Any) -> bool:
        """Keeps a query strawberry answered without errors, if it is one this executor
        takes on; whether it is kept."""
        if not query or not isinstance(result, ExecutionResult) or result.errors:
            return False
        key = (query, operation_name)
        if key in self._kept:
            return True
        document = parse(query)
        prepared = _prepare(document, operation_name)
        if prepared is None or self._asks_by_caller(document):
            return False
        self._kept[key] = prepared
        if len(self._kept) > KEPT:
            self._kept.popitem(last=False)
            self._collected.clear()
            self.projections.forget()
        return True

    def _asks_by_caller(self, document: DocumentNode) -> bool:
        """Whether the document selects a field whose answer depends on the caller,
        wherever it is (under fragments and interfaces too)."""
        type_info = TypeInfo(self._schema)
        schema, by_caller = self._schema, self._by_caller

        class Finder(Visitor):
            found = False

            def enter_field(self, node: FieldNode, *_: Any) -> None:
                parent = type_info.get_parent_type()
                if parent is None:
                    return
                types = schema.get_possible_types(parent) if is_abstract_type(parent) else [parent]
                if any((t.name, node.name.value) in by_caller for t in types):
                    self.found = True

        finder = Finder()
        visit(document, TypeInfoVisitor(type_info, finder))
        return finder.found

    @property
    def answered_by_caller(self) -> frozenset[tuple[str, str]]:
        """The (type, field) pairs whose answer depends on the caller's key."""
        return self._by_caller

    def forget(self) -> None:
        """Lets go of every query kept (tests use it to hear strawberry's answer again)."""
        self._kept.clear()
        self._collected.clear()
        self.projections.forget()

    async def execute(
        self,
        query: str | None,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        context: Any,
    ) -> ExecutionResult | None:
        """The answer, or None when strawberry is to answer."""
        prepared = self._kept.get((query or "", operation_name))
        if prepared is None:
            return None
        self._kept.move_to_end((query or "", operation_name))
        coerced = get_variable_values(
            self._schema, prepared.operation.variable_definitions or (), variables or {}
        )
        if isinstance(coerced, list):
            return None
        counter = start_counting()
        run = _Run(self, prepared, coerced, _caller_unknown(context))
        try:
            data = await _settled(
                run.object(self._query_type, None, [prepared.operation.selection_set])
            )
        except _AsksForCaller as reason:
            log.warning("fast_read_asked_for_caller", reason=str(reason))
            self._kept.pop((query or "", operation_name), None)
            return None
        except _Fallback as reason:
            log.debug("fast_read_left", reason=str(reason))
            return None
        except MapError as error:  # strawberry answers again, with its errors in their place
            log.debug("fast_read_failed", error=repr(error))
            return None
        except Exception:  # not the map's own error: strawberry answers, and it is logged
            log.warning("fast_read_failed_unexpectedly", exc_info=True)
            return None
        self.answered += 1
        return ExecutionResult(
            data=data, errors=None, extensions={"cypherRoundTrips": counter.count}
        )

    @property
    def _query_type(self) -> GraphQLObjectType:
        query_type = self._schema.query_type
        assert query_type is not None
        return query_type

    def collect(
        self, type_: GraphQLObjectType, sets: list[SelectionSetNode], prepared: _Prepared
    ) -> dict[str, list[FieldNode]]:
        """The fields a selection asks of an object of `type_`, by response key, in order
        (fragments that apply to it merged in)."""
        key = (type_.name, tuple(id(s) for s in sets))
        found = self._collected.get(key)
        if found is None:
            found = {}
            for selection_set in sets:
                self._collect_into(type_, selection_set, prepared, found)
            self._collected[key] = found
        return found

    def _collect_into(
        self,
        type_: GraphQLObjectType,
        selection_set: SelectionSetNode,
        prepared: _Prepared,
        found: dict[str, list[FieldNode]],
    ) -> None:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                found.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                if condition is None or self._applies(condition.name.value, type_):
                    self._collect_into(type_, selection.selection_set, prepared, found)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = prepared.fragments[selection.name.value]
                if self._applies(fragment.type_condition.name.value, type_):
                    self._collect_into(type_, fragment.selection_set, prepared, found)

    def _applies(self, condition: str, type_: GraphQLObjectType) -> bool:
        if condition == type_.name:
            return True
        wanted = self._schema.get_type(condition)
        return is_abstract_type(wanted) and self._schema.is_sub_type(wanted, type_)

    def field(self, type_: GraphQLObjectType, name: str) -> _Field:
        found = self._fields.get((type_.name, name))
        if found is None:
            raise _Fallback(name)
        return found


class _Run:
    """One request's execution."""

    def __init__(
        self, reads: FastReads, prepared: _Prepared, variables: VariableValues, context: Any
    ) -> None:
        self.reads = reads
        self.prepared = prepared
        self.variables = variables
        self.context = context

    def object(self, type_: GraphQLObjectType, source: Any, sets: list[SelectionSetNode]) -> Any:
        """The object's answer, or an awaitable of it when a resolver has to wait."""
        out: dict[str, Any] = {}
        waiting: list[Awaitable[None]] = []
        for key, nodes in self.reads.collect(type_, sets, self.prepared).items():
            name = nodes[0].name.value
            if name == "__typename":
                out[key] = type_.name
                continue
            field = self.reads.field(type_, name)
            if field.attribute is not None:
                value = getattr(source, field.attribute)
            else:
                value = self._resolve(field, type_, source, nodes)
            completed = (
                self._later(field.definition.type, value, nodes)
                if isawaitable(value)
                else self.complete(field.definition.type, value, nodes)
            )
            out[key] = None
            if isawaitable(completed):
                waiting.append(_into(out, key, completed))
            else:
                out[key] = completed
        return _gathered(out, waiting) if waiting else out

    def _resolve(
        self, field: _Field, parent: GraphQLObjectType, source: Any, nodes: list[FieldNode]
    ) -> Any:
        definition = field.definition
        if field.resolver is not None and not nodes[0].arguments and not field.wants_info:
            return field.resolver(source)
        info = self._info(definition, parent, nodes)
        if field.resolver is not None and not nodes[0].arguments:
            return field.resolver(source, Info(_raw_info=info, _field=field.strawberry_field))  # type: ignore[arg-type]
        arguments = get_argument_values(definition, nodes[0], self.variables)
        assert definition.resolve is not None
        return definition.resolve(source, info, **arguments)

    def _info(
        self, definition: GraphQLField, parent: GraphQLObjectType, nodes: list[FieldNode]
    ) -> "GraphQLResolveInfo[Any]":
        # The path is the field's own name under its parent's type: none of the map's
        # resolvers reads it, and building every path costs as much as the rest.
        return GraphQLResolveInfo(
            nodes[0].name.value,
            nodes,
            definition.type,
            parent,
            Path(None, nodes[0].name.value, parent.name),
            self.reads._schema,
            self.prepared.fragments,
            None,
            self.prepared.operation,
            self.variables,
            self.context,
            isawaitable,  # type: ignore[arg-type]
            None,
            _HELPERS,
        )

    async def _later(
        self, type_: GraphQLOutputType, value: Awaitable[Any], nodes: list[FieldNode]
    ) -> Any:
        return await _settled(self.complete(type_, await value, nodes))

    def complete(self, type_: GraphQLOutputType, value: Any, nodes: list[FieldNode]) -> Any:
        if isinstance(type_, GraphQLNonNull):
            if value is None:
                raise _Fallback("null where the schema allows none")
            type_ = type_.of_type
        if value is None:
            return None
        if type(value) is str and (type_ is GraphQLString or type_ is GraphQLID):
            return value  # what both coerce a str to
        if isinstance(type_, GraphQLList):
            items = [self.complete(type_.of_type, item, nodes) for item in value]
            return _all(items) if any(isawaitable(i) for i in items) else items
        if is_leaf_type(type_):
            coerced = type_.coerce_output_value(value)
            if coerced is None:
                raise _Fallback("a leaf that does not coerce")
            return coerced
        if is_abstract_type(type_):
            type_ = self._runtime_type(type_, value)
        if not isinstance(type_, GraphQLObjectType):
            raise _Fallback("an unknown kind of type")
        sets = [n.selection_set for n in nodes if n.selection_set]
        plan = self.reads.projections.plan(type_, sets, self._collect)
        if plan is not None:
            return self._projected(plan, str(value.id))
        return self.object(type_, value, sets)

    def _collect(
        self, type_: GraphQLObjectType, sets: list[SelectionSetNode]
    ) -> dict[str, list[FieldNode]]:
        return self.reads.collect(type_, sets, self.prepared)

    async def _projected(self, plan: Plan, node_id: str) -> dict[str, Any]:
        """A record whose selection reaches along its relationships: answered with the
        other records of its level by one compiled statement (projection.py)."""
        answer: dict[str, Any] | None = await self.context.projections.load(plan, node_id)
        if answer is None:
            raise _Fallback("a record the compiled statement did not find")
        return answer

    def _runtime_type(self, type_: GraphQLAbstractType, value: Any) -> GraphQLObjectType:
        definition = getattr(type(value), "__strawberry_definition__", None)
        name = getattr(definition, "name", None)
        found = self.reads._schema.get_type(name) if name else None
        if not isinstance(found, GraphQLObjectType) or not self.reads._schema.is_sub_type(
            type_, found
        ):
            raise _Fallback("an object whose type is not known")
        return found


def _fields_of(schema: strawberry.Schema) -> dict[tuple[str, str], _Field]:
    """Every object type's fields, each with the quickest way to get it."""
    found: dict[tuple[str, str], _Field] = {}
    for name, graphql_type in schema._schema.type_map.items():
        if name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType):
            continue
        definition = schema.get_type_by_name(name)
        by_name = {
            schema.config.name_converter.from_field(f): f for f in getattr(definition, "fields", [])
        }
        for field_name, field_definition in graphql_type.fields.items():
            field = by_name.get(field_name)
            if field is not None and field.base_resolver is None and not field.arguments:
                found[(name, field_name)] = _Field(field_definition, field.python_name)
            elif field is not None and field.base_resolver is not None:
                resolver = field.base_resolver
                direct = resolver.wrapped_func if _plain_method(resolver) else None
                found[(name, field_name)] = _Field(
                    field_definition,
                    None,
                    field,
                    direct,
                    resolver.info_parameter is not None,
                )
            elif field_definition.resolve is not None:
                found[(name, field_name)] = _Field(field_definition, None)
    return found


def _answered_by_caller(schema: strawberry.Schema) -> frozenset[tuple[str, str]]:
    """Every (type, field) of an object type or interface whose answer depends on the
    caller (rights.py), read off the schema's own field definitions."""
    found = set()
    for name, graphql_type in schema._schema.type_map.items():
        if name.startswith("__") or not isinstance(
            graphql_type, GraphQLObjectType | GraphQLInterfaceType
        ):
            continue
        definition = schema.get_type_by_name(name)
        for field in getattr(definition, "fields", []):
            if rights.answers_by_caller(field):
                found.add((name, schema.config.name_converter.from_field(field)))
    return frozenset(found)


def _plain_method(resolver: Any) -> bool:
    """A resolver that is a method taking `self` (and perhaps `info`) and keyword
    arguments with defaults: called as it is, it gets what strawberry would give it."""
    return (
        resolver.self_parameter is not None
        and resolver.root_parameter is None
        and resolver.parent_parameter is None
        and all(a.default is not UNSET for a in resolver.arguments)
    )


def _prepare(document: DocumentNode, operation_name: str | None) -> _Prepared | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [
        o
        for o in operations
        if operation_name is None or (o.name and o.name.value == operation_name)
    ]
    if len(chosen) != 1 or chosen[0].operation != OperationType.QUERY:
        return None
    if _uses_directives_or_introspection(document):
        return None
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return _Prepared(chosen[0], fragments)


def _uses_directives_or_introspection(document: DocumentNode) -> bool:
    class Finder(Visitor):
        found = False

        def enter_directive(self, *_: Any) -> None:
            self.found = True

        def enter_field(self, node: FieldNode, *_: Any) -> None:
            if node.name.value in ("__schema", "__type"):
                self.found = True

    finder = Finder()
    visit(document, finder)
    return finder.found


async def _into(out: dict[str, Any], key: str, value: Awaitable[Any]) -> None:
    out[key] = await value


async def _gathered(out: dict[str, Any], waiting: list[Awaitable[None]]) -> dict[str, Any]:
    # Fields that wait run together, so a level's link loads meet in one statement; one
    # alone is awaited as it is (a task costs more than the await).
    if len(waiting) == 1:
        await waiting[0]
    else:
        await asyncio.gather(*waiting)
    return out


async def _all(items: list[Any]) -> list[Any]:
    """A list whose items wait: they run together, and keep their places."""
    at = [n for n, item in enumerate(items) if isawaitable(item)]
    for n, value in zip(at, await asyncio.gather(*(items[n] for n in at)), strict=True):
        items[n] = value
    return items


async def _settled(value: Any) -> Any:
    return await value if isawaitable(value) else value
