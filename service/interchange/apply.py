"""Writing a checked import: in one transaction, in batches, so it is all written or none
of it. The records it names were locked when it was checked, so nobody changes them in
between. A record whose properties and own relationships are what the file says is left
alone (what a file leaves empty was filled from the map); one that differs is replaced and
its version goes up; relationships are added or
updated by key, never removed. Each record or relationship written gets an audit event."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from service.db.driver import Database, Transaction, batches
from service.editing import audit, changes, permissions
from service.editing.keys import Editor
from service.interchange.plan import LinkPlan, RecordPlan, make_plan
from service.interchange.rows import Row
from service.model.ids import LABELS

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SkippedRow:
    """A row the import left out, and why; the rest of its file went in."""

    file: str
    row: str
    field: str | None
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    relationships_unchanged: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)


async def import_rows(
    db: Database,
    editor: Editor,
    rows: list[Row],
    batch_size: int,
    progress: Progress | None = None,
    *,
    dry_run: bool = False,
) -> ImportReport:
    """Checks the rows whole, then writes them; ImportInvalid (nothing written) if any
    row is wrong. A dry run does all of it, then rolls the transaction back: its report
    is exactly what the import would do, and nothing is written."""
    permissions.may_import(editor)
    report = ImportReport(
        skipped=[
            SkippedRow(row.file, row.where, where_field, reason)
            for row in rows
            for where_field, reason in row.skipped
        ]
    )
    rows = [row for row in rows if not row.skipped]
    try:
        async with db.transaction() as tx:
            plan = await make_plan(tx, rows)
            total = len(plan.records) + len(plan.links)
            done = 0
            for batch in batches(plan.records, batch_size):
                await _write_records(tx, editor, batch, report)
                done += len(batch)
                if progress:
                    progress(done, total)
            for links in batches(plan.links, batch_size):
                await _write_links(tx, editor, links, report)
                done += len(links)
                if progress:
                    progress(done, total)
            if dry_run:
                raise _RolledBack
    except _RolledBack:
        pass
    return report


class _RolledBack(Exception):
    """Ends a dry run's transaction without committing it."""


async def _write_records(
    tx: Transaction, editor: Editor, batch: Sequence[RecordPlan], report: ImportReport
) -> None:
    nodes, own_links, events = [], [], []
    for record in batch:
        types = changes.replaced_types(record.draft)
        old = record.current  # read and locked when the import was checked
        # A file lists a record's own links (its countries, themes...) without their
        # sources, so those already on the map keep the source they have.
        held = old["links"] if old else None
        links = changes.link_rows(record.node_id, record.draft, None, held)
        props = {**changes.stored(record.draft), "id": record.node_id}
        before = _before(record.node_id, old, types) if old else None
        after = changes.state(props, links)
        if before == after:
            report.unchanged += 1
            continue
        version = int(old["props"].get("version", 1)) + 1 if old else 1
        label = LABELS[record.draft.KIND]
        nodes.append({"id": record.node_id, "label": label, "props": {**props, "version": version}})
        own_links.append({"id": record.node_id, "types": types, "rows": links})
        action = "update" if old else "create"
        summary = f"{action}d {record.node_id} from {record.row.file}, {record.row.where}"
        events.append(audit.Change(action, [record.node_id], summary, before, after))
        report.updated, report.created = report.updated + bool(old), report.created + (not old)
    if nodes:
        await tx.run("interchange/write_nodes", rows=nodes)
        await tx.run("edits/replace_links", nodes=own_links)
        await audit.record_all(tx, editor, events)


def _before(node_id: str, old: dict[str, Any], types: list[str]) -> dict[str, Any]:
    links = [
        changes.link_row(node_id, link["type"], link["to"], link["props"])
        for link in old["links"]
        if link["type"] in types
    ]
    return changes.state(old["props"], links)


async def _write_links(
    tx: Transaction, editor: Editor, batch: Sequence[LinkPlan], report: ImportReport
) -> None:
    keys = [{**_ends(p.link), "key": p.link["props"]["key"]} for p in batch]
    existing = {
        row["key"]: row["props"] for row in await tx.run("interchange/links_by_key", rows=keys)
    }
    written, events = [], []
    for plan in batch:
        link, key = plan.link, plan.link["props"]["key"]
        if existing.get(key) == link["props"]:
            report.relationships_unchanged += 1
            continue
        written.append(link)
        action = "relink" if key in existing else "link"
        summary = (
            f"{link['from']} {link['type']} {link['to']}, from {plan.row.file}, {plan.row.where}"
        )
        events.append(
            audit.Change(action, [link["from"], link["to"]], summary, existing.get(key), link)
        )
        if key in existing:
            report.relationships_updated += 1
        else:
            report.relationships_created += 1
    if written:
        await tx.run("seed/merge_links", rows=written)
        await audit.record_all(tx, editor, events)


def _ends(link: dict[str, Any]) -> dict[str, Any]:
    return {"from": link["from"], "type": link["type"], "to": link["to"]}
