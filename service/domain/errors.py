"""Errors a user can act on; the API turns them into coded GraphQL errors."""

from dataclasses import dataclass


class NotFound(LookupError):
    """No node on the map has the id asked for."""


class BadInput(ValueError):
    """An argument or filter value that cannot be right; the message names it."""


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with an input: the field (as the client spelled it) and why."""

    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


class Invalid(BadInput):
    """An edit whose input has one or more problems; nothing was written."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


# Not PermissionError: that is an OSError, which the database layer reads as a lost connection.
class Unauthenticated(Exception):
    """A write without an API key, or with one that is not accepted."""


class Forbidden(Exception):
    """A write the caller's key does not allow."""


class Conflict(RuntimeError):
    """An edit based on an out-of-date version, or on a node in the wrong state."""
