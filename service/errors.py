"""Every error the map raises on purpose, under one root, `MapError`. Each kind carries the
GraphQL `extensions.code` and the HTTP status it is answered with, so the API reads them
from the error itself instead of keeping tables of its own; the command line prints any
`MapError` as one clear line. Anything that is not a `MapError` is a fault of ours: logged
with its stack and shown to clients only as an internal error.

Also here, beside the errors that carry them: `Problem` (what is wrong with one record of a
file) and `FieldProblem` (what is wrong with one field of an edit). Every layer imports this
module; it imports nothing of the project."""

from dataclasses import dataclass
from typing import ClassVar


class MapError(Exception):
    """An error a user or operator can act on; the message says what is wrong."""

    code: ClassVar[str] = "INTERNAL_SERVER_ERROR"
    status: ClassVar[int] = 500


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one record of a file: where, and why."""

    file: str
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.record:
            where.append(f"record {self.record}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with an input: the field (as the client spelled it) and why."""

    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


class NotFound(MapError, LookupError):
    """No node on the map has the id asked for."""

    code = "NOT_FOUND"
    status = 404


class BadInput(MapError, ValueError):
    """An argument or filter value that cannot be right; the message names it."""

    code = "BAD_USER_INPUT"
    status = 400


class BadId(BadInput):
    """A global id that is malformed or of an unexpected kind."""


class Invalid(BadInput):
    """An edit whose input has one or more problems; nothing was written."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class TooLarge(BadInput):
    """A request or upload over the configured limit."""

    status = 413


class BeyondDatabaseMemory(TooLarge):
    """One transaction would need more memory than Neo4j allows a transaction
    (`dbms.memory.transaction.total.max`, 70 % of its heap by default). Nothing was
    written; a smaller import or page fits."""


class Rejected(BadInput):
    """Files rejected whole; `problems` says where and why, and nothing was written."""

    status = 422

    def __init__(self, what: str, problems: list[Problem]) -> None:
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{what} was rejected, nothing was written:\n{listed}{more}")


class SeedInvalid(Rejected):
    """The seed was rejected whole."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("the seed", problems)


class ImportInvalid(Rejected):
    """An import rejected whole; each problem names the file, row, field and reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("the import", problems)


# Not PermissionError: that is an OSError, which the database layer reads as a lost connection.
class Unauthenticated(MapError):
    """A write without an API key, or with one that is not accepted."""

    code = "UNAUTHENTICATED"
    status = 401


class Forbidden(MapError):
    """A write the caller's key does not allow."""

    code = "FORBIDDEN"
    status = 403


class Conflict(MapError, RuntimeError):
    """An edit based on an out-of-date version, or on a node in the wrong state."""

    code = "CONFLICT"
    status = 409


class Cancelled(Conflict):
    """An import its starter cancelled while it was written; it was taken back whole."""

    code = "CANCELLED"


class Contended(Conflict):
    """Another transaction changed the same records at the same moment: it deleted a node
    this one waited for, or the two deadlocked. Nothing of this transaction was written;
    read again and retry."""


class DatabaseUnavailable(MapError, RuntimeError):
    """Neo4j cannot be reached or refused our credentials."""

    code = "DATABASE_UNAVAILABLE"
    status = 503


class LoadFailed(MapError, RuntimeError):
    """The database refused part of a load; the transaction was rolled back."""


class LocalServerError(MapError, RuntimeError):
    """The local server could not be started or stopped; the message says why."""


class QueryFileError(MapError, ValueError):
    """A `.cypher` file whose header is missing or does not match its body."""
