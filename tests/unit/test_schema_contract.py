"""The GraphQL schema is a contract: `schema.graphql` is committed, and this test fails
when the live schema differs from it, so every API change shows in review. After a
deliberate change, `make schema` writes the file again."""

import json

from graphql import GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType
from graphql import build_schema as schema_from_text

from service.api.graphql.details import detail_fields
from service.api.graphql.schema import build_schema
from service.config import PROJECT_ROOT, Settings

BUILT_IN = {"String", "Int", "Float", "Boolean", "ID"}


def _live() -> str:
    return build_schema(Settings()).as_str() + "\n"


def test_the_live_schema_is_the_committed_one() -> None:
    committed = (PROJECT_ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert _live() == committed, "the API changed: review it, then run `make schema`"


def test_the_explorers_detail_fields_are_the_declared_ones() -> None:
    committed = PROJECT_ROOT / "explorer" / "src" / "generated" / "fields.json"
    live = detail_fields(schema_from_text(_live()))
    assert json.loads(committed.read_text(encoding="utf-8")) == live, "run `make schema`"
    # Every kind the panel shows a field of is asked for it, under a key no other kind's
    # field of another type takes.
    keys: dict[str, str] = {}
    for kind in live:
        for fact in kind["facts"]:
            assert keys.setdefault(fact["key"], fact["field"]) == fact["field"]


def test_every_type_and_field_says_what_it_is() -> None:
    schema = build_schema(Settings())._schema
    undescribed = []
    for name, kind in schema.type_map.items():
        if name.startswith("__") or name in BUILT_IN:
            continue
        if not kind.description:
            undescribed.append(name)
        if isinstance(kind, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            undescribed += [f"{name}.{f}" for f, d in kind.fields.items() if not d.description]
    assert undescribed == []
