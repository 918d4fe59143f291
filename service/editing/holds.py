"""Holding the records an import writes, so it can be written in batches and still be all
or nothing, and taking back an import whose process stopped half-way.

An import commits a batch per transaction and, if a later batch fails, undoes the earlier
ones; that is safe only if nobody else changes those records in between, or the undo would
write over their change. So once every row is checked (a file that fails its check takes
no hold), an import holds every record it names: an edit to a held record is refused
(CONFLICT, "being imported"), and so is a second import naming one, until the first ends.

Each import is a run owned by one process (service/editing/owners.py) and known by a token
only that process holds. Each batch renews the run's heartbeat and keeps its undo (an
ImportStep) in its own transaction, so what is on the map is always either taken back by
the steps kept or final. A run whose owner is gone (a process on the same host can tell at
once) or whose heartbeat is `STALE_S` old is abandoned: the next import, the server at its
start, or the server's sweep every few seconds claims it, undoes its steps from the last to
the first, and releases its holds, so a re-run goes in at once. A refusal never names the
key or person running the other import (the log does, for the operators)."""

import asyncio
import time
import uuid
import weakref
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from typing import Any

import structlog
from neo4j.exceptions import ConstraintError

from service.db.driver import Database, Transaction, batches
from service.domain.undo import Undo, note_changed
from service.editing import owners
from service.editing.keys import Editor
from service.errors import Cancelled, Conflict, MapError

log = structlog.get_logger(__name__)

# A run's heartbeat is renewed by each transaction it writes, hold or batch, and no batch
# takes anywhere near this long; only a run owned on another host waits this out.
STALE_S = 300
# How long an import waits for another process to finish undoing a stopped import that
# holds some of its records, before it gives up with a CONFLICT.
UNDOING_WAIT_S = 60.0
_POLL_S = 0.5

_ANOTHER_IMPORT = (
    "another import started writing some of these records at the same moment; nothing was "
    "written: try again when it has finished"
)
_TAKEN_OVER = (
    "this import stopped renewing its hold and another process took it over as abandoned; "
    "nothing of the import was kept: import it again"
)


@dataclass
class ImportRun:
    """A running import: the id its holds carry, and the token that proves it is ours."""

    id: str
    token: str
    steps: int = 0

    async def beat(self, tx: Transaction) -> None:
        """First in every transaction the run writes: renews its heartbeat, and refuses the
        transaction if another process has taken the run over."""
        if not await tx.run("imports/heartbeat", run=self.id, token=self.token):
            raise Conflict(_TAKEN_OVER)

    async def advance(self, tx: Transaction, done: int, total: int) -> None:
        """Notes how far the writing has got, after the batch's heartbeat; Cancelled if the
        key that started the run asked to cancel it (its batches are then taken back)."""
        found = await tx.run(
            "imports/progress", run=self.id, token=self.token, done=done, total=total
        )
        if not found:
            raise Conflict(_TAKEN_OVER)
        if found[0]["cancel"]:
            raise Cancelled("the import was cancelled; nothing of it was kept")

    async def keep(self, tx: Transaction, undo: Undo) -> None:
        """Keeps a batch's undo in the batch's own transaction."""
        if undo.is_empty():
            return
        self.steps += 1
        await tx.run("imports/step", run=self.id, step=self.steps, undo=undo.as_text())


@dataclass(frozen=True)
class _Holder:
    """A record held by another run, and whether that run has stopped."""

    id: str
    started: str
    stopped: bool


@asynccontextmanager
async def holding(
    db: Database, editor: Editor, ids: Sequence[str], batch_size: int, ticket: str | None = None
) -> AsyncIterator[ImportRun]:
    """Holds `ids` for the block. If the block ends normally the run's writes are made
    final; if it raises, they are taken back; the holds are released either way. `ticket`,
    chosen by whoever started the import, lets the same key follow and cancel it."""
    await recover_abandoned(db, batch_size)
    run = ImportRun(str(uuid.uuid4()), str(uuid.uuid4()))
    me = owners.this_process()
    await db.write(
        "imports/begin",
        run=run.id,
        actor=editor.name,
        token=run.token,
        host=me.host,
        pid=me.pid,
        pid_started=me.started,
        ticket=ticket,
    )
    log.debug("import_run_started", run=run.id, actor=editor.name, records=len(ids))
    try:
        await _hold(db, run, sorted(set(ids)), batch_size)
        yield run
    except BaseException:
        await _stop(db, run, batch_size)
        raise
    if not await db.write("imports/finish", run=run.id, token=run.token):
        raise Conflict(_TAKEN_OVER)
    try:
        await _end(db, run.id, batch_size)
    except MapError:
        # The import is final; a run left with its holds is ended by whoever finds it
        # abandoned, without undoing anything.
        log.warning("import_run_end_deferred", run=run.id)


async def refuse_held(tx: Transaction, ids: Sequence[str]) -> None:
    """Conflict if an import holds any of `ids`. The caller has already checked its
    rights over them: a key learns that a record is being imported only if it may
    change it."""
    holders = await _holders(tx, ids, None)
    if not holders:
        return
    if all(holder.stopped for holder in holders):
        _wake_the_sweep()
        raise Conflict(_being_undone(holders))
    raise Conflict(_being_imported(holders))


async def recover_abandoned(db: Database, batch_size: int) -> int:
    """Takes back every run whose owner is gone or whose heartbeat is stale, and releases
    its holds; how many this process took back (another may be at it already)."""
    recovered = 0
    for row in await db.read("imports/runs", stale_seconds=STALE_S):
        gone = owners.Owner(row["host"], row["pid"], row["pid_started"]).is_gone()
        if not (gone or row["stale"]):
            continue
        run = ImportRun(row["run"], str(uuid.uuid4()))
        me = owners.this_process()
        claimed = await db.write(
            "imports/claim",
            run=run.id,
            seen_token=row["token"],
            owner_gone=gone,
            stale_seconds=STALE_S,
            token=run.token,
            host=me.host,
            pid=me.pid,
            pid_started=me.started,
        )
        if not claimed:
            continue  # its owner renewed it, or another process claimed it first
        log.warning(
            "import_run_abandoned",
            run=run.id,
            actor=claimed[0]["actor"],
            owner_gone=gone,
            stale=row["stale"],
            final=claimed[0]["done"],
        )
        await _take_back(db, run, batch_size)
        recovered += 1
    return recovered


async def keep_recovering(db: Database, batch_size: int, every_s: float) -> None:
    """For a server's lifetime: looks for abandoned runs every `every_s` seconds, and at
    once when an edit is refused for a record such a run holds."""
    wanted = _wake_event()
    while True:
        with suppress(TimeoutError):
            await asyncio.wait_for(wanted.wait(), every_s)
        wanted.clear()
        try:
            await recover_abandoned(db, batch_size)
        except MapError as error:
            log.warning("import_recovery_failed", error=type(error).__name__, message=str(error))
        except Exception:
            # A fault of ours: logged with its stack, and the sweep goes on.
            log.exception("import_recovery_fault")


async def _hold(db: Database, run: ImportRun, ids: list[str], batch_size: int) -> None:
    """Takes the holds a batch per transaction. Records held by a stopped import are
    waited for while it is taken back (by this process if nobody else is at it)."""
    deadline = time.monotonic() + UNDOING_WAIT_S
    for batch in batches(ids, batch_size):
        while holders := await _hold_batch(db, run, batch):
            if not all(holder.stopped for holder in holders):
                raise Conflict(_being_imported(holders))
            if await recover_abandoned(db, batch_size):
                continue
            if time.monotonic() > deadline:
                raise Conflict(_being_undone(holders))
            await asyncio.sleep(_POLL_S)


async def _hold_batch(db: Database, run: ImportRun, batch: Sequence[str]) -> list[_Holder]:
    """Holds the batch, or, without holding any of it, the records another run holds."""
    try:
        async with db.transaction() as tx:
            await run.beat(tx)
            holders = await _holders(tx, batch, run.id)
            if not holders:
                await tx.run("imports/hold", run=run.id, ids=list(batch))
            return holders
    except ConstraintError:
        # Another import took a hold on one of these in the same moment.
        raise Conflict(_ANOTHER_IMPORT) from None


async def _holders(tx: Transaction, ids: Sequence[str], run: str | None) -> list[_Holder]:
    rows = await tx.run("imports/held", ids=list(ids), run=run, stale_seconds=STALE_S)
    return [_Holder(row["id"], row["started"], _stopped(row)) for row in rows]


def _stopped(row: dict[str, Any]) -> bool:
    owner = owners.Owner(row["host"], row["pid"], row["pid_started"])
    return bool(row["undoing"] or row["stale"] or owner.is_gone())


async def _stop(db: Database, run: ImportRun, batch_size: int) -> None:
    """The import failed: its own process takes its batches back. Should that fail too
    (the database gone, say), the run is handed on, for the next import or the server's
    sweep to take back as soon as the database answers."""
    try:
        await _take_back(db, run, batch_size)
    except Exception:
        log.exception("import_undo_failed", run=run.id)
        try:
            await db.write("imports/give_up", run=run.id, token=run.token)
        except MapError:
            log.warning("import_run_left_to_its_heartbeat", run=run.id)


async def _take_back(db: Database, run: ImportRun, batch_size: int) -> None:
    """Undoes the run's steps from the last to the first, each with the deletion of its
    step in one transaction (so none is undone twice, whoever resumes the work), then
    releases the holds. A run whose writes were made final only loses its steps."""
    changed: set[str] = set()
    try:
        while True:
            async with db.transaction() as tx:
                renewed = await tx.run("imports/heartbeat", run=run.id, token=run.token)
                if not renewed:
                    return  # another process took it over, and finishes it
                final = renewed[0]["done"]
                step = [] if final else await tx.run("imports/last_step", run=run.id)
                if not step:
                    break
                undo = Undo.from_text(step[0]["undo"])
                await undo.undo_in(tx)
                await tx.run("imports/forget_step", run=run.id, step=step[0]["step"])
            changed |= undo.changed_ids()
    finally:
        if changed:
            await note_changed(db, changed)
    await _end(db, run.id, batch_size)


async def _end(db: Database, run: str, batch_size: int) -> None:
    await db.delete_in_batches("imports/forget_steps", limit=batch_size, run=run)
    await db.delete_in_batches("imports/release", limit=batch_size, run=run)
    await db.write("imports/end", run=run)


def _held(holders: list[_Holder], by_what: str) -> str:
    """Why a record cannot be written now: the first one held, how many more, and by what;
    no key and no person is named (the caller may not see them)."""
    more = f" (and {len(holders) - 1} more)" if len(holders) > 1 else ""
    return f"'{holders[0].id}'{more} {by_what}"


def _being_imported(holders: list[_Holder]) -> str:
    return _held(
        holders,
        f"is being imported (by an import started at {holders[0].started}); "
        "nothing was written: try again when it has finished",
    )


def _being_undone(holders: list[_Holder]) -> str:
    return _held(
        holders,
        "is held by an import that stopped before it finished; what it wrote is being "
        "taken back; nothing was written: try again in a moment",
    )


# The sweep's wake-up call, one per event loop (an Event serves only its own); a loop that
# has ended drops out.
_wakers: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Event]" = (
    weakref.WeakKeyDictionary()
)


def _wake_event() -> asyncio.Event:
    return _wakers.setdefault(asyncio.get_running_loop(), asyncio.Event())


def _wake_the_sweep() -> None:
    """Asks this loop's sweep, if it runs one (a server does), to look now."""
    waker = _wakers.get(asyncio.get_running_loop())
    if waker is not None:
        waker.set()


@dataclass(frozen=True)
class Progress:
    """How far a followed import has got: records and relationships written of those to
    write (None before writing starts), and whether it is final, being taken back, or
    asked to cancel."""

    written: int | None
    to_write: int | None
    done: bool
    undoing: bool
    cancel: bool


async def progress_of(db: Database, editor: Editor, ticket: str) -> Progress | None:
    """The progress of the import this key started under `ticket`; None when there is no
    such run (not started writing yet, ended, or another key's)."""
    found = await db.read("imports/progress_of", ticket=ticket, actor=editor.name)
    return Progress(**found[0]) if found else None


async def cancel(db: Database, editor: Editor, ticket: str) -> bool:
    """Asks the import this key started under `ticket` to stop and be taken back. False
    when there is no such run, or its writes are already final."""
    found = await db.write("imports/cancel", ticket=ticket, actor=editor.name)
    return bool(found) and not found[0]["done"]
