"""`a87map schema`: the GraphQL schema as SDL, the API's contract. `make schema` writes it
to `schema.graphql`, which is committed and tested, so every API change shows in review.
`a87map explorer-fields`: the explorer's detail fields, made from the kinds' declarations;
`make schema` writes them to explorer/src/generated/fields.json (committed and tested)."""

import json

import typer
from graphql import build_schema as schema_from_text

from service.api.graphql.details import detail_fields
from service.api.graphql.schema import build_schema
from service.cli.support import load_settings


def schema() -> None:
    """Print the GraphQL schema (SDL)."""
    # Plain output, never wrapped: it is written to schema.graphql as it is.
    typer.echo(build_schema(load_settings()).as_str())


def explorer_fields() -> None:
    """Print the explorer's detail fields (JSON), made from the kinds' declarations."""
    schema = schema_from_text(build_schema(load_settings()).as_str())
    typer.echo(json.dumps(detail_fields(schema), indent=2))
