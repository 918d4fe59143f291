"""The documentation's GraphQL reference page, made from the committed `schema.graphql`
each time the site is built (an MkDocs hook, named in mkdocs.yml), so the page can never
drift from the contract a test holds the live schema to. Nothing generated is committed.

The page lists the root queries and mutations, then every object type, interface, input,
enum, union and scalar, each with its description, and each field with its arguments,
their defaults, its type (linked to the type's own entry) and its description.
"""

from pathlib import Path

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLType,
    GraphQLUnionType,
    Undefined,
    ast_from_value,
    build_schema,
    get_named_type,
    print_ast,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

PAGE = "graphql-reference.md"
SCHEMA_FILE = "schema.graphql"

INTRO = """# GraphQL reference

Every root field, type, input, enum and scalar of the API, with the descriptions clients
read in GraphiQL. This page is made from `schema.graphql` each time the documentation is
built; `make schema` writes that file from the live schema, and a test fails while the two
differ. The [API guide](api.md) explains how the parts fit together, with examples.
"""


def _cell(text: str | None) -> str:
    """Text fit for one cell of a Markdown table: one line, its bars escaped."""
    return " ".join((text or "").split()).replace("|", "\\|")


def _paragraph(text: str | None) -> str:
    return (text or "").strip()


def _type(kind: GraphQLType) -> str:
    """A field's type as GraphQL writes it, linked to the entry of the type it names."""
    return f"[`{kind}`](#{get_named_type(kind).name})"


def _default(argument: GraphQLArgument | GraphQLInputField) -> str:
    """` = value` as the SDL writes an argument's or input field's default, or nothing."""
    written = argument.ast_node.default_value if argument.ast_node else None
    if written is not None:
        return f" = {print_ast(written)}"
    if argument.default_value is Undefined:
        return ""
    value = ast_from_value(argument.default_value, argument.type)
    return f" = {print_ast(value)}" if value is not None else ""


def _signature(name: str, field: GraphQLField) -> str:
    if not field.args:
        return f"`{name}`"
    arguments = ", ".join(
        f"{arg_name}: {argument.type}{_default(argument)}"
        for arg_name, argument in field.args.items()
    )
    return f"`{name}({arguments})`"


def _field_notes(field: GraphQLField) -> str:
    notes = [_cell(field.description)]
    notes += [
        f"*{arg_name}*: {_cell(argument.description)}"
        for arg_name, argument in field.args.items()
        if argument.description
    ]
    if field.deprecation_reason:
        notes.append(f"**Deprecated**: {_cell(field.deprecation_reason)}")
    return "<br>".join(note for note in notes if note)


def _fields_table(fields: dict[str, GraphQLField]) -> list[str]:
    rows = ["| field | type | description |", "|---|---|---|"]
    rows += [
        f"| {_signature(name, field)} | {_type(field.type)} | {_field_notes(field)} |"
        for name, field in fields.items()
    ]
    return rows


def _heading(named: GraphQLNamedType, level: str = "###") -> list[str]:
    return [f"{level} {named.name} {{ #{named.name} }}", "", _paragraph(named.description), ""]


def _object(named: GraphQLObjectType | GraphQLInterfaceType) -> list[str]:
    lines = _heading(named)
    if named.interfaces:
        links = ", ".join(f"[{i.name}](#{i.name})" for i in named.interfaces)
        lines += [f"Implements {links}.", ""]
    return [*lines, *_fields_table(named.fields), ""]


def _input(named: GraphQLInputObjectType) -> list[str]:
    rows = ["| field | type | description |", "|---|---|---|"]
    rows += [
        f"| `{name}{_default(field)}` | {_type(field.type)} | {_cell(field.description)} |"
        for name, field in named.fields.items()
    ]
    return [*_heading(named), *rows, ""]


def _enum(named: GraphQLEnumType) -> list[str]:
    if not any(value.description for value in named.values.values()):
        return [*_heading(named), "Values: " + ", ".join(f"`{v}`" for v in named.values) + ".", ""]
    rows = ["| value | description |", "|---|---|"]
    rows += [f"| `{name}` | {_cell(value.description)} |" for name, value in named.values.items()]
    return [*_heading(named), *rows, ""]


def _union(named: GraphQLUnionType) -> list[str]:
    members = ", ".join(f"[{member.name}](#{member.name})" for member in named.types)
    return [*_heading(named), f"One of {members}.", ""]


def _of(schema: GraphQLSchema, kind: type[GraphQLNamedType]) -> list[GraphQLNamedType]:
    roots = {schema.query_type, schema.mutation_type, schema.subscription_type}
    return sorted(
        (
            named
            for name, named in schema.type_map.items()
            if isinstance(named, kind) and not name.startswith("__") and named not in roots
        ),
        key=lambda named: named.name,
    )


def reference(sdl: str) -> str:
    """The reference page, in Markdown, for a schema written in GraphQL's SDL."""
    schema = build_schema(sdl)
    lines = [INTRO]
    roots = (
        ("Queries", schema.query_type),
        ("Mutations", schema.mutation_type),
        ("Subscriptions", schema.subscription_type),
    )
    for title, root in roots:
        if root is not None:
            lines += [f"## {title} {{ #{root.name} }}", "", _paragraph(root.description), ""]
            lines += [*_fields_table(root.fields), ""]
    sections: list[tuple[str, type[GraphQLNamedType]]] = [
        ("Interfaces", GraphQLInterfaceType),
        ("Types", GraphQLObjectType),
        ("Inputs", GraphQLInputObjectType),
        ("Enums", GraphQLEnumType),
        ("Unions", GraphQLUnionType),
        ("Scalars", GraphQLScalarType),
    ]
    for title, kind in sections:
        members = _of(schema, kind)
        if not members:
            continue
        lines += [f"## {title}", ""]
        for named in members:
            if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
                lines += _object(named)
            elif isinstance(named, GraphQLInputObjectType):
                lines += _input(named)
            elif isinstance(named, GraphQLEnumType):
                lines += _enum(named)
            elif isinstance(named, GraphQLUnionType):
                lines += _union(named)
            else:
                lines += _heading(named)
    return "\n".join(lines)


def _schema_path(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / SCHEMA_FILE


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the reference page to the site, written from schema.graphql as it is now."""
    sdl = _schema_path(config).read_text(encoding="utf-8")
    files.append(File.generated(config, PAGE, content=reference(sdl)))
    return files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> None:
    """`mkdocs serve` rebuilds the page when `make schema` rewrites the schema."""
    server.watch(str(_schema_path(config)))
