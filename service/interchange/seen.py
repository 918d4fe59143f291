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

import neo4j.time

from service.db.driver import Transaction
from service.domain.undo import Undo
from service.interchange.plan import LinkPlan, RecordPlan
from service.interchange.rows import SEEN, SEEN_NOTE, Row

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
    tags: Sequence[str | None],
    cells: Sequence[str],
    columns: dict[str, int],
    only: Sequence[str] = (),
) -> dict[str, list[str]]:
    """A sheet row's cells as written, by the hashtag of each column a reader takes (or
    only of the columns `only` names), leaving out empty ones. `tags` are the columns'
    hashtags as the sheet writes them (`written_tags`), None for a column without one."""
    found: dict[str, list[str]] = {}
    read: set[int] = set()
    for name, index in columns.items():
        # One column may be found under two names (an implementer's name and acronym).
        if (only and name not in only) or index in read:
            continue
        read.add(index)
        text = cells[index].strip() if index < len(cells) and cells[index] else ""
        if text:
            tag = tags[index] if index < len(tags) and tags[index] else name
            found.setdefault(str(tag), []).append(text)
    return found


def written_tags(tags: Sequence[Any]) -> list[str | None]:
    """Each column's hashtag as the sheet writes it (attributes included), worked out once
    per sheet rather than once per cell."""
    return [str(tag.display_tag) if tag else None for tag in tags]


def add_written(record: Row, written: dict[str, list[str]], where: str) -> None:
    """Adds what one more row of a record says, as written, and where that row is."""
    for column, texts in written.items():
        kept = record.original.setdefault(column, [])
        kept += [text for text in texts if text not in kept]
    if where != record.where and where not in record.also:
        record.also.append(where)


# --- Restoring what a map export carries (its `seen` file) ---------------------------------


def restoring(rows: list[Row]) -> tuple[list[Row], list[Row] | None]:
    """The records and relationships, and the notes of where facts were seen that the
    files carry (None when no file carries a `seen` part: the import then notes its own
    sightings; a map's export coming back restores its notes instead)."""
    notes = [row for row in rows if row.kind == SEEN]
    kept = [row for row in rows if row.kind != SEEN]
    return kept, ([row for row in notes if row.values] if notes else None)


def checked(notes: list[Row]) -> tuple[list[tuple[Row, dict[str, Any]]], list[Row]]:
    """The notes as the restore statements take them, each once; and those that cannot be
    read, each with why (left out, the rest restored)."""
    good: dict[tuple[str, str, str], tuple[Row, dict[str, Any]]] = {}
    wrong = []
    for row in notes:
        try:
            note = _note(row.values)
        except (KeyError, TypeError, ValueError) as error:
            wrong.append(Row(row.file, row.where, None, skipped=[(SEEN, _why(error))]))
            continue
        key = (note["node"], note["fact"], note["file"])
        if key in good:
            reason = f"says again what {good[key][0].where} says"
            wrong.append(Row(row.file, row.where, None, skipped=[(SEEN, reason)]))
            continue
        good[key] = (row, note)
    return list(good.values()), wrong


def _note(values: dict[str, Any]) -> dict[str, Any]:
    where = values.get("where") or []
    if not isinstance(where, list) or not all(isinstance(w, str) for w in where):
        raise ValueError("'where' is not a list of places in a file")
    for name in ("node", "fact", "file"):
        if not isinstance(values[name], str) or not values[name]:
            raise ValueError(f"'{name}' is empty")
    return {
        "node": values["node"],
        "fact": values["fact"],
        "file": values["file"],
        "where": where,
        "original": str(values["original"]) if values.get("original") else None,
        "activity": str(values["activity"]) if values.get("activity") else None,
        "times": int(values["times"]),
        "file_imports": int(values["file_imports"]),
        **{
            name: neo4j.time.DateTime.from_iso_format(str(values[name]))
            for name in ("first_seen", "last_seen", "file_first_imported", "file_last_imported")
        },
    }


def _why(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"not a note of where a fact was seen: '{error.args[0]}' is missing"
    return f"not a note of where a fact was seen: {error}"


async def restore(
    tx: Transaction, batch: Sequence[tuple[Row, dict[str, Any]]]
) -> tuple[Undo, list[Row]]:
    """Restores a batch of notes in the caller's transaction; its undo, and the notes of
    records that are not on the map (left out, each said)."""
    files: dict[str, dict[str, Any]] = {}
    for _, note in batch:
        name = note["file"]
        was = files.setdefault(
            name,
            {
                "name": name,
                "first_imported": note["file_first_imported"],
                "last_imported": note["file_last_imported"],
                "imports": note["file_imports"],
            },
        )
        was["first_imported"] = min(was["first_imported"], note["file_first_imported"])
        was["last_imported"] = max(was["last_imported"], note["file_last_imported"])
        was["imports"] = max(was["imports"], note["file_imports"])
    [restored] = await tx.run("imports/restore_files", files=list(files.values()))
    notes = [{k: note[k] for k in SEEN_NOTE} for _, note in batch]
    [seen] = await tx.run("imports/restore_seen", rows=notes)
    missing = [
        Row(row.file, row.where, None, skipped=[(SEEN, f"'{note['node']}' is not on the map")])
        for i, (row, note) in enumerate(batch)
        if i in set(seen["missing"])
    ]
    return Undo(seen=list(seen["seen"]), seen_files=list(restored["files"])), missing
