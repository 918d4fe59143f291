"""The compiled read path (fast_reads.py, projection.py) reaches past strawberry's and
graphql-core's documented API in a few places. Each such hook has a test here that fails
loudly when an upgrade changes its shape, so CI stops the upgrade instead of the lean
executor answering wrongly (or falling back to strawberry on every request unseen)."""

import inspect

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLResolveInfoHelpers,
    GraphQLSchema,
    GraphQLString,
    parse,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from graphql.language import FieldNode, OperationDefinitionNode
from graphql.pyutils import Path
from strawberry.types import Info
from strawberry.types.field import StrawberryField
from strawberry.types.unset import UNSET

from service.api.graphql.fast_reads import _fields_of
from service.api.graphql.projection import _enum_names
from service.api.graphql.schema import build_schema
from service.config import Settings
from service.model.values import InitiativeStatus, OrganizationType


@pytest.fixture(scope="module")
def schema() -> object:
    return build_schema(Settings())


def test_strawberry_schema_holds_graphql_cores_schema_as_underscore_schema(schema: object) -> None:
    # fast_reads reads `schema._schema` for the type map, the query type and sub-typing.
    assert isinstance(schema._schema, GraphQLSchema)  # type: ignore[attr-defined]


def test_a_types_definition_lists_strawberry_fields_by_python_name(schema: object) -> None:
    # _fields_of: schema.get_type_by_name(...).fields, each a StrawberryField with
    # python_name, base_resolver and arguments, and the name converter's from_field.
    definition = schema.get_type_by_name("Initiative")  # type: ignore[attr-defined]
    fields = {f.python_name: f for f in definition.fields}
    assert all(isinstance(f, StrawberryField) for f in fields.values())
    converter = schema.config.name_converter  # type: ignore[attr-defined]
    assert converter.from_field(fields["sdg_targets"]) == "sdgTargets"
    assert fields["status"].base_resolver is None
    assert fields["status"].arguments == []
    assert fields["participants"].base_resolver is not None
    assert [a.python_name for a in fields["participants"].arguments] == ["roles"]


def test_a_resolver_says_which_reserved_parameters_it_takes(schema: object) -> None:
    # _plain_method calls a resolver's wrapped function directly when it takes `self` (and
    # perhaps `info`) and keyword arguments with defaults: it reads these attributes.
    definition = schema.get_type_by_name("Organization")  # type: ignore[attr-defined]
    resolver = next(f for f in definition.fields if f.python_name == "initiatives").base_resolver
    assert inspect.isfunction(resolver.wrapped_func)
    assert resolver.self_parameter is not None
    assert resolver.root_parameter is None
    assert resolver.parent_parameter is None
    assert resolver.info_parameter is not None
    assert [a.default for a in resolver.arguments] == [None]
    assert all(a.default is not UNSET for a in resolver.arguments)


def test_every_resolved_field_gets_the_quickest_way_and_it_is_one_fast_reads_knows(
    schema: object,
) -> None:
    found = _fields_of(schema)  # type: ignore[arg-type]
    themes = found[("Initiative", "themes")]
    assert themes.attribute is None
    assert themes.resolver is not None
    assert themes.wants_info
    assert found[("Initiative", "status")].attribute == "status"


def test_strawberrys_info_is_made_from_graphql_cores_and_the_field() -> None:
    # fast_reads builds Info(_raw_info=..., _field=...) for a resolver that wants info.
    parameters = list(inspect.signature(Info.__init__).parameters)
    assert parameters == ["self", "_raw_info", "_field"]


def test_graphql_cores_resolve_info_takes_its_fields_in_this_order() -> None:
    # fast_reads constructs GraphQLResolveInfo positionally.
    assert GraphQLResolveInfo._fields == (
        "field_name",
        "field_nodes",
        "return_type",
        "parent_type",
        "path",
        "schema",
        "fragments",
        "root_value",
        "operation",
        "variable_values",
        "context",
        "is_awaitable",
        "abort_signal",
        "async_helpers",
    )
    helpers = list(inspect.signature(GraphQLResolveInfoHelpers).parameters)
    assert helpers == ["gather", "track"]
    assert list(inspect.signature(Path).parameters) == ["prev", "key", "typename"]


def test_variables_and_arguments_are_coerced_by_graphql_cores_values_module() -> None:
    field = GraphQLField(GraphQLString, {"q": GraphQLString})  # type: ignore[dict-item]
    query = GraphQLObjectType("Query", {"f": field})
    schema = GraphQLSchema(query)
    document = parse("query Q($q: String) { f(q: $q) }")
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    variables = get_variable_values(schema, operation.variable_definitions, {"q": "x"})
    assert isinstance(variables, VariableValues)
    wrong = get_variable_values(schema, operation.variable_definitions, {"q": 1})
    assert isinstance(wrong, list)  # errors come back as a list, which fast_reads leaves
    node = operation.selection_set.selections[0]
    assert isinstance(node, FieldNode)
    assert get_argument_values(field, node, variables) == {"q": "x"}


def test_leaf_types_coerce_output_values_and_strawberry_types_name_their_definition(
    schema: object,
) -> None:
    # complete() coerces leaves with coerce_output_value (None: not coercible) and finds
    # an object's type by `__strawberry_definition__.name`.
    core = schema._schema  # type: ignore[attr-defined]
    status = core.get_type("InitiativeStatus")
    assert isinstance(status, GraphQLEnumType)
    assert GraphQLString.coerce_output_value("x") == "x"
    from service.api.graphql.types import Initiative

    assert Initiative.__strawberry_definition__.name == "Initiative"  # type: ignore[attr-defined]


def test_enum_values_map_the_stored_value_to_the_graphql_name(schema: object) -> None:
    # projection._enum_names reads each GraphQL enum value's `.value` (a Python enum member
    # or the stored string itself) to answer an enum property from the stored string.
    names = _enum_names(schema._schema)  # type: ignore[attr-defined]
    assert names["InitiativeStatus"] == {m.value: m.name for m in InitiativeStatus}
    assert names["OrganizationType"] == {m.value: m.name for m in OrganizationType}
