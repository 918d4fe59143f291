"""The documentation: the README stays a short front page whose links land on pages that
exist, and the GraphQL reference the site builds from schema.graphql names every type,
field, argument and value of the schema, each link to a type landing on its entry.
(`make docs` builds the whole site with --strict, which checks every other link.)"""

import re

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    build_schema,
)

from docs.hooks.graphql_reference import reference
from service.config import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"
SDL = (PROJECT_ROOT / "schema.graphql").read_text(encoding="utf-8")


def test_the_readme_is_a_front_page_of_at_most_250_lines() -> None:
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 250


def test_the_readme_links_land_on_files_that_exist() -> None:
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", README.read_text(encoding="utf-8"))
    local = [t for t in targets if "://" not in t]
    assert local
    assert [t for t in local if not (PROJECT_ROOT / t).exists()] == []


def test_the_reference_names_everything_the_schema_holds() -> None:
    page = reference(SDL)
    schema = build_schema(SDL)
    missing = []
    for name, named in schema.type_map.items():
        if name.startswith("__"):
            continue
        if f"{{ #{name} }}" not in page:
            missing.append(name)
        if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in named.fields.items():
                missing += [f"{name}.{field_name}"] * (f"`{field_name}" not in page)
                missing += [
                    f"{name}.{field_name}({arg})"
                    for arg in field.args
                    if f"{arg}: {field.args[arg].type}" not in page
                ]
        elif isinstance(named, GraphQLInputObjectType):
            missing += [f"{name}.{f}" for f in named.fields if f"`{f}" not in page]
        elif isinstance(named, GraphQLEnumType):
            missing += [f"{name}.{v}" for v in named.values if f"`{v}`" not in page]
    assert missing == []


def test_every_link_in_the_reference_lands_on_an_entry() -> None:
    page = reference(SDL)
    anchors = set(re.findall(r"\{ #(\w+) \}", page))
    linked = set(re.findall(r"\]\(#(\w+)\)", page))
    assert linked
    assert sorted(linked - anchors) == []


def test_a_field_reads_as_the_schema_writes_it() -> None:
    page = reference(SDL)
    # An argument's default as written, its type linked to the type's own entry.
    assert "`organization(id: ID!, includeRetired: Boolean! = false)`" in page
    assert "[`Organization!`](#Organization)" in page
