"""Errors as GraphQL clients expect them: a message that says what is wrong and an
`extensions.code` to branch on. Unexpected errors are logged with their stack and shown to
the client only as an internal error, never as a stack trace."""

from typing import Any

import structlog
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from service.db.driver import RoundTrips, start_counting
from service.errors import Invalid, MapError

log = structlog.get_logger(__name__)


def error_code(error: GraphQLError) -> str:
    original = error.original_error
    if original is None:
        return "GRAPHQL_VALIDATION_FAILED"
    if isinstance(original, MapError):
        return original.code
    if error.path is None and isinstance(
        original, GraphQLError | ValueError | TypeError | OverflowError
    ):
        # A variable a scalar could not read (a date in the year 12019): raised while the
        # request's variables are coerced, before anything runs; the message names the
        # variable and says what is wrong with its value.
        return "BAD_USER_INPUT"
    return "INTERNAL_SERVER_ERROR"


def log_errors(errors: list[GraphQLError]) -> None:
    """Unexpected errors with their stack; a down database as a warning; a user's own
    mistakes not at all (the client is told)."""
    for error in errors:
        code = error_code(error)
        if code == "INTERNAL_SERVER_ERROR":
            log.error("graphql_internal_error", path=error.path, exc_info=error.original_error)
        elif code == "DATABASE_UNAVAILABLE":
            log.warning(
                "graphql_database_unavailable", path=error.path, message=str(error.original_error)
            )


def format_error(error: GraphQLError) -> dict[str, Any]:
    """The error as sent to the client, with its code; internals are never shown."""
    code = error_code(error)
    formatted: dict[str, Any] = dict(error.formatted)
    if code == "INTERNAL_SERVER_ERROR":
        formatted["message"] = "internal error; it has been logged"
    extensions = {**(formatted.get("extensions") or {}), "code": code}
    if isinstance(error.original_error, Invalid):
        extensions["problems"] = [
            {"field": p.field, "reason": p.reason} for p in error.original_error.problems
        ]
    formatted["extensions"] = extensions
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
