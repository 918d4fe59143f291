"""Writing a checked import in batches, each its own transaction, and still all or
nothing. Every row is checked first, with nothing held (a file that fails its check holds
nothing and writes nothing); then the import holds every record it names (edits and other
imports are refused until it ends, service/editing/holds.py), checks that none has moved
since it was read (and reads and checks the file again if one has), and writes a batch
per transaction, each checking the versions of what it writes and keeping its undo with
it. If a batch fails, the committed ones are undone, audit events included, so the map is
as it was; if the importing process is killed, the next import or the server does that
undo. A record whose properties and own relationships are what the file says is left
alone (what a file leaves empty was filled from the map); one that differs is replaced and
its version goes up; relationships are added or updated by key, never removed. Each record
or relationship written gets an audit event. While an import runs, readers may see the
batches written so far."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import structlog

from service.db.driver import Database, Transaction, batches
from service.domain.undo import Undo
from service.editing import audit, changes, holds, permissions
from service.editing.keys import Editor
from service.errors import Conflict
from service.interchange import seen
from service.interchange.identity import Identity, Queued
from service.interchange.organizations import Matched
from service.interchange.plan import LinkPlan, Plan, RecordPlan, plan_what_passes
from service.interchange.rows import Row
from service.model.ids import LABELS

log = structlog.get_logger(__name__)
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SkippedRow:
    """A row the import left out, and why; the rest of its file went in."""

    file: str
    row: str
    field: str | None
    reason: str


@dataclass(frozen=True)
class ChangedRecord:
    id: str
    name: str
    action: str  # created or updated


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    relationships_unchanged: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    # 3W and IATI files: the names matched to organizations on the map, and why; the
    # organizations added as records of their own and queued for review as look-alikes.
    matched: list[Matched] = field(default_factory=list)
    queued: list[Queued] = field(default_factory=list)
    # Every record the import created or changed (or, in a dry run, would), with how.
    changed: list[ChangedRecord] = field(default_factory=list)


async def import_rows(
    db: Database,
    editor: Editor,
    rows: list[Row],
    batch_size: int,
    progress: Progress | None = None,
    *,
    dry_run: bool = False,
    pause_s: float = 0.0,
    ticket: str | None = None,
    alongside: Callable[[], Awaitable[Identity]] | None = None,
) -> ImportReport:
    """Checks the rows whole, then writes those that pass; each row a check refuses is
    left out and listed in the report with why (ImportInvalid, nothing held or written,
    only if none passes). A dry run does all of it, then rolls the transaction
    back: its report is exactly what the import would do, and nothing is written.
    `pause_s` waits after each batch written (tests stop an import half-way with it);
    `ticket` lets the key that started it follow its progress and cancel it. `alongside`,
    the identity review of 3W and IATI files, runs once the rows are checked, while they
    are written (it needs nothing written; the writes mostly wait on Neo4j)."""
    permissions.may_import(editor)
    rows, carried = seen.restoring(rows)
    notes, unread = seen.checked(carried or [])
    report = ImportReport(skipped=_skipped([*rows, *unread]))
    rows = [row for row in rows if not row.skipped]
    async with db.transaction() as tx:
        plan, rows, left_out = await plan_what_passes(tx, rows, editor)
    report.skipped += _skipped(left_out)
    # A file that carries where its facts were seen (a map's export coming back) restores
    # those notes in place of noting its own.
    restored = None if carried is None else notes
    async with _beside(alongside, report):
        if dry_run:
            await _write(db, editor, plan, report, batch_size, progress, None)
            return report
        async with holds.holding(db, editor, named_ids(rows), batch_size, ticket) as run:
            plan = await _as_held(db, editor, run, rows, plan, batch_size)
            await _write(db, editor, plan, report, batch_size, progress, run, pause_s, restored)
            for batch in batches(restored or [], batch_size):
                async with db.transaction() as tx:
                    await run.beat(tx)
                    undo, missing = await seen.restore(tx, batch)
                    await run.keep(tx, undo)
                report.skipped += _skipped(missing)
    return report


@asynccontextmanager
async def _beside(
    work: Callable[[], Awaitable[Identity]] | None, report: ImportReport
) -> AsyncIterator[None]:
    """Runs `work` (the identity review) while the block writes; its findings go in the
    report once both are done. If the block fails, the work is called off."""
    task = asyncio.ensure_future(work()) if work else None
    try:
        yield
    except BaseException:
        if task:
            task.cancel()
        raise
    if task:
        found = await task
        report.matched, report.queued = found.matched, found.queued


def _skipped(rows: list[Row]) -> list[SkippedRow]:
    return [SkippedRow(row.file, row.where, f, reason) for row in rows for f, reason in row.skipped]


async def _as_held(
    db: Database,
    editor: Editor,
    run: holds.ImportRun,
    rows: list[Row],
    plan: Plan,
    batch_size: int,
) -> Plan:
    """The plan, if no record it writes has moved between the check and the holds (an
    edit in that moment); else the rows checked again, now that nothing can move them."""
    for batch in batches(plan.records, batch_size):
        async with db.transaction() as tx:
            await run.beat(tx)
            now = await tx.run("interchange/versions_now", ids=[r.node_id for r in batch])
        found = {row["id"]: row for row in now}
        if any(_moved(record, found.get(record.node_id)) for record in batch):
            log.info("import_checked_again", run=run.id)
            async with db.transaction() as tx:
                # What was left out stays out; a row an edit made wrong meanwhile is
                # refused with the rest (ImportInvalid), as nothing is written yet.
                checked, _, _ = await plan_what_passes(tx, rows, editor)
                return checked
    return plan


def _moved(record: RecordPlan, now: dict[str, Any] | None) -> bool:
    was = record.current["props"].get("version") if record.current else None
    if now is None:
        return was is not None
    return bool(now["retired"]) or now["version"] != was


def named_ids(rows: list[Row]) -> list[str]:
    """The records an import writes, and the ends of the relationships it adds."""
    ids = {str(row.values.get("id")) for row in rows if row.kind and row.values.get("id")}
    for row in rows:
        if row.kind is None:
            ids |= {str(row.values[end]) for end in ("from", "to") if row.values.get(end)}
    return sorted(ids)


# Writes one batch of records or of relationships in the caller's transaction (counting
# alone, when the bool says it is not writing: a dry run); its undo.
_BatchWriter = Callable[[Transaction, Editor, Sequence[Any], "ImportReport", bool], Awaitable[Undo]]


async def _write(
    db: Database,
    editor: Editor,
    plan: Plan,
    report: ImportReport,
    batch_size: int,
    progress: Progress | None,
    run: holds.ImportRun | None,
    pause_s: float = 0.0,
    restored: list[Any] | None = None,
) -> None:
    """Records, then relationships (which need their ends), a batch per transaction, each
    opened by the run's heartbeat and closed by keeping its undo; with `run` None (a dry
    run) every batch is worked out and counted, and nothing written. Each batch notes
    where its facts were seen, unless the import restores notes it carries (`restored`)."""
    total, done = len(plan.records) + len(plan.links), 0
    started = datetime.now(UTC)
    steps: list[tuple[Sequence[Any], _BatchWriter]] = [
        (plan.records, _write_records),
        (plan.links, _write_links),
    ]
    for items, write in steps:
        for batch in batches(items, batch_size):
            async with db.transaction() as tx:
                if run:
                    await run.beat(tx)
                    await run.advance(tx, done, total)
                undo = await write(tx, editor, batch, report, run is not None)
                if run and restored is None:
                    # Every fact of the batch, written or found unchanged, was seen.
                    undo.add(await seen.confirm(tx, batch, started))
                    await run.keep(tx, undo)
            done += len(batch)
            if progress:
                progress(done, total)
            if pause_s:
                await asyncio.sleep(pause_s)


async def _write_records(
    tx: Transaction,
    editor: Editor,
    batch: Sequence[RecordPlan],
    report: ImportReport,
    writing: bool,
) -> Undo:
    """The batch's changed records written over what the check read; its undo."""
    nodes, own_links, events, undo = [], [], [], Undo()
    for record in batch:
        types = changes.replaced_types(record.draft)
        old = record.current
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
        name = str(props.get("name") or props.get("title") or record.node_id)
        report.changed.append(ChangedRecord(record.node_id, name, action + "d"))
        if old:
            undo.nodes_updated.append({"id": record.node_id, "before": old["props"]})
            undo.links_replaced.append(
                {
                    "id": record.node_id,
                    "types": types,
                    "rows": _own_links(record.node_id, old, types),
                }
            )
        else:
            undo.nodes_created.append(record.node_id)
    if nodes and writing:
        written = {node["id"] for node in nodes}
        await _still_as_checked(tx, [r for r in batch if r.node_id in written])
        await tx.run("interchange/write_nodes", rows=nodes)
        await tx.run("edits/replace_links", nodes=own_links)
        undo.events += await audit.record_all(tx, editor, events)
    return undo


async def _still_as_checked(tx: Transaction, batch: Sequence[RecordPlan]) -> None:
    """Locks the batch's records and refuses the whole import if any has moved from the
    version the check read (created, changed or retired by a writer that does not ask
    for holds, such as a seed load)."""
    ids = sorted(r.node_id for r in batch)
    found = {row["id"]: row for row in await tx.run("interchange/versions", ids=ids)}
    for record in batch:
        now, checked = found.get(record.node_id), record.current
        was = checked["props"].get("version") if checked else None
        if now is None and was is None:
            continue
        if now is None or now["retired"] or now["version"] != was:
            state = (
                "was removed"
                if now is None
                else "was retired"
                if now["retired"]
                else (f"is at version {now['version']}")
            )
            seen = f"version {was}" if was is not None else "not on the map"
            raise Conflict(
                f"'{record.node_id}' changed while the import was written (it was {seen} "
                f"when the import was checked; it {state} now); nothing of the import was "
                "kept: import it again"
            )


def _before(node_id: str, old: dict[str, Any], types: list[str]) -> dict[str, Any]:
    return changes.state(old["props"], _own_links(node_id, old, types))


def _own_links(node_id: str, old: dict[str, Any], types: list[str]) -> list[dict[str, Any]]:
    return [
        changes.link_row(node_id, link["type"], link["to"], link["props"])
        for link in old["links"]
        if link["type"] in types
    ]


async def _write_links(
    tx: Transaction,
    editor: Editor,
    batch: Sequence[LinkPlan],
    report: ImportReport,
    writing: bool,
) -> Undo:
    """The batch's new and changed relationships written; its undo."""
    keys = [{**_ends(p.link), "key": p.link["props"]["key"]} for p in batch]
    existing = {
        row["key"]: row["props"] for row in await tx.run("interchange/links_by_key", rows=keys)
    }
    written: dict[str, dict[str, Any]] = {}  # by key: a key given twice is written once
    events = []
    for plan in batch:
        link, key = plan.link, plan.link["props"]["key"]
        if existing.get(key) == link["props"]:
            report.relationships_unchanged += 1
            continue
        written[key] = link
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
    if not (written and writing):
        return Undo()
    created = [link for key, link in written.items() if key not in existing]
    updated = [link for key, link in written.items() if key in existing]
    [result] = await tx.run("interchange/write_links", created=created, updated=updated)
    if result["written"] != len(written):
        raise Conflict(
            f"{len(written) - result['written']} relationships lost an end while the import "
            "was written (a record they join was removed); nothing of the import was kept: "
            "import it again"
        )
    undo = Undo(
        links_created=[{**_ends(link), "key": link["props"]["key"]} for link in created],
        links_updated=[
            {**_ends(link), "key": link["props"]["key"], "before": existing[link["props"]["key"]]}
            for link in updated
        ],
    )
    undo.events += await audit.record_all(tx, editor, events)
    return undo


def _ends(link: dict[str, Any]) -> dict[str, Any]:
    return {"from": link["from"], "type": link["type"], "to": link["to"]}
