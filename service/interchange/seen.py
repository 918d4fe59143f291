"""Row-level provenance: where each fact an import brings or confirms was seen. Every
record a file has a row for, every relationship it states and every record it names at a
relationship's end is a fact; each keeps, per file, one SEEN_IN: the rows (or IATI
activity) that say it, the text as written beside the cleaned value, and when it was first
and last seen. Importing the same file again renews that one SEEN_IN (its count of
imports goes up), so a file imported ten times costs what it cost once; and a fact a newer
import of the file leaves out keeps the older date, which readers show as "not seen since"
(service/domain/seen.py). Written in each batch's transaction, with its undo."""

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from service.db.driver import Transaction
from service.domain.undo import Undo
from service.interchange.plan import LinkPlan, RecordPlan
from service.interchange.rows import Row

# The original text's key for an IATI activity's identifier.
ACTIVITY = "iati-identifier"


def sightings(batch: Sequence[RecordPlan | LinkPlan]) -> list[dict[str, Any]]:
    """The facts a batch says, each once: a record, or a relationship and its start (a
    file that states a role names the organization that holds it)."""
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    for plan in batch:
        if isinstance(plan, RecordPlan):
            facts = [(plan.node_id, plan.node_id)]
        else:
            start = plan.link["from"]
            facts = [(start, plan.link["props"]["key"]), (start, start)]
        for node, fact in facts:
            found.setdefault((node, fact, plan.row.file), _sighting(node, fact, plan.row))
    return list(found.values())


def _sighting(node: str, fact: str, row: Row) -> dict[str, Any]:
    activity = row.original.get(ACTIVITY)
    return {
        "node": node,
        "fact": fact,
        "file": row.file,
        "where": [row.where, *row.also],
        # Neo4j keeps no maps as properties: the columns and their texts as JSON.
        "original": json.dumps(row.original, ensure_ascii=False) if row.original else None,
        "activity": activity[0] if activity else None,
    }


async def confirm(tx: Transaction, batch: Sequence[RecordPlan | LinkPlan], at: datetime) -> Undo:
    """Notes, in the batch's transaction, that its facts were seen in their files by the
    import that started `at`; the undo that takes the notes back."""
    rows = sightings(batch)
    if not rows:
        return Undo()
    names = sorted({row["file"] for row in rows})
    [files] = await tx.run("imports/seen_files", names=names, at=at)
    [seen] = await tx.run("imports/seen", rows=rows, at=at)
    return Undo(seen=list(seen["seen"]), seen_files=list(files["files"]))


def as_written(
    tags: Sequence[Any], cells: Sequence[str], columns: dict[str, int], only: Sequence[str] = ()
) -> dict[str, list[str]]:
    """A sheet row's cells as written, by the hashtag of each column a reader takes (or
    only of the columns `only` names), leaving out empty ones."""
    found: dict[str, list[str]] = {}
    read: set[int] = set()
    for name, index in columns.items():
        # One column may be found under two names (an implementer's name and acronym).
        if (only and name not in only) or index in read:
            continue
        read.add(index)
        text = cells[index].strip() if index < len(cells) and cells[index] else ""
        if text:
            tag = tags[index].display_tag if index < len(tags) and tags[index] else name
            found.setdefault(str(tag), []).append(text)
    return found


def add_written(record: Row, written: dict[str, list[str]], where: str) -> None:
    """Adds what one more row of a record says, as written, and where that row is."""
    for column, texts in written.items():
        kept = record.original.setdefault(column, [])
        kept += [text for text in texts if text not in kept]
    if where != record.where and where not in record.also:
        record.also.append(where)
