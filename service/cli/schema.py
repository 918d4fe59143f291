"""`a87map schema`: the GraphQL schema as SDL, the API's contract. `make schema` writes it
to `schema.graphql`, which is committed and tested, so every API change shows in review."""

import typer

from service.api.graphql.schema import build_schema
from service.cli.support import load_settings


def schema() -> None:
    """Print the GraphQL schema (SDL)."""
    # Plain output, never wrapped: it is written to schema.graphql as it is.
    typer.echo(build_schema(load_settings()).as_str())
