"""Errors as GraphQL clients expect them: a message that says what is wrong and an
`extensions.code` to branch on. Unexpected errors are logged with their stack and shown to
the client only as an internal error, never as a stack trace."""

from typing import Any

import structlog
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from service.db import DatabaseUnavailable, RoundTrips, start_counting
from service.domain.errors import BadInput, NotFound

log = structlog.get_logger(__name__)

_CODES: list[tuple[type[Exception], str]] = [
    (BadInput, "BAD_USER_INPUT"),
    (NotFound, "NOT_FOUND"),
    (DatabaseUnavailable, "DATABASE_UNAVAILABLE"),
]


def format_error(error: GraphQLError) -> dict[str, Any]:
    """The error as sent to the client, with its code."""
    original = error.original_error
    formatted = error.formatted
    if original is None:
        code = "GRAPHQL_VALIDATION_FAILED"
    else:
        code = next((c for kind, c in _CODES if isinstance(original, kind)), "INTERNAL_SERVER_ERROR")
    if code == "INTERNAL_SERVER_ERROR":
        log.error("graphql_internal_error", path=error.path, exc_info=original)
        formatted["message"] = "internal error; it has been logged"
    elif code == "DATABASE_UNAVAILABLE":
        log.warning("graphql_database_unavailable", path=error.path, message=str(original))
    formatted["extensions"] = {**(formatted.get("extensions") or {}), "code": code}
    return formatted


class CountRoundTrips(SchemaExtension):
    """Reports in the response's `extensions.cypherRoundTrips` how many Cypher statements the
    request ran: a check that nested selections are batched, not run row by row."""

    counter: RoundTrips | None = None

    def on_operation(self):  # type: ignore[no-untyped-def]
        self.counter = start_counting()
        yield

    def get_results(self) -> dict[str, Any]:
        if self.counter is None:
            return {}
        return {"cypherRoundTrips": self.counter.count}
