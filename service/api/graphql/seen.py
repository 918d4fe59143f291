"""Row-level provenance in GraphQL: `Node.seen` and `NodeRelationship.seen` list, for a
record or a relationship, each imported file that brought or confirmed it, with the rows
(or IATI activity) saying it, its text as written beside the cleaned value, and when it
was first and last seen; `notSeenSince` tells a fact a newer import of its file left out.
Read through the request's loader (context.py), one statement per level of a selection."""

from datetime import datetime

import strawberry

from service.api.graphql.context import Context
from service.domain.seen import Sighting

Ctx = strawberry.Info[Context, None]

SEEN = (
    "Where imports saw it: each file that brought or confirmed it, with the rows (or the "
    "IATI activity) that say it, the text as written, and when it was first and last seen. "
    "Empty for what no import brought (the seed, an edit)."
)


@strawberry.type(description="A column (3W) or element (IATI) of a file, as written in it.")
class WrittenText:
    column: str = strawberry.field(
        description="The column's hashtag (#org+impl) or the IATI element (recipient-country)."
    )
    texts: list[str] = strawberry.field(
        description="What the file writes there, each different text once, in file order."
    )


@strawberry.type(
    description="One fact in one imported file, over every import of that file (a file is "
    "known by its name: a newer file under the same name is the same file, newer)."
)
class Seen:
    file: str = strawberry.field(description="The file's name, as it was imported.")
    where: list[str] = strawberry.field(
        description="Where in the file: 'sheet X, row 12', 'row 12' or 'iati-activity[3]'; "
        "every row of a 3W activity, as of its last import."
    )
    activity: str | None = strawberry.field(
        description="The IATI activity identifier, for a fact from an IATI file."
    )
    original: list[WrittenText] = strawberry.field(
        description="The file's text as written (names, codes, dates as the file has them), "
        "beside the cleaned values the record holds; empty for the map's own CSV and JSON, "
        "whose cells are the values."
    )
    first_seen: str = strawberry.field(
        description="The first import of the file that had it (ISO 8601, UTC)."
    )
    last_seen: str = strawberry.field(
        description="The last import of the file that had it (ISO 8601, UTC)."
    )
    times_seen: int = strawberry.field(description="How many imports of the file had it.")
    file_last_imported: str = strawberry.field(
        description="The file's latest import (ISO 8601, UTC), whether or not it had this."
    )
    file_imports: int = strawberry.field(description="How many times the file was imported.")
    not_seen_since: str | None = strawberry.field(
        description="Its last sighting, when a later import of the file no longer had it "
        "(the fact dropped out of the newer file; the map keeps it until an editor removes "
        "it); null while the file's latest import has it."
    )

    @classmethod
    def of(cls, found: Sighting) -> "Seen":
        gone = found.not_seen_since
        return cls(
            file=found.file,
            where=found.where,
            activity=found.activity,
            original=[WrittenText(column=c, texts=t) for c, t in found.original.items()],
            first_seen=_iso(found.first_seen),
            last_seen=_iso(found.last_seen),
            times_seen=found.times,
            file_last_imported=_iso(found.file_last_imported),
            file_imports=found.file_imports,
            not_seen_since=_iso(gone) if gone else None,
        )


def _iso(moment: datetime) -> str:
    return moment.isoformat()


async def seen_of(info: Ctx, node: str, fact: str) -> list[Seen]:
    """Where imports saw a record (fact: its id) or a relationship (node: its start,
    fact: its key)."""
    return [Seen.of(found) for found in await info.context.seen.load((node, fact))]
