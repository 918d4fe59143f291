"""Holding the records an import writes, so it can be written in batches and still be all
or nothing. An import commits a batch per transaction and, if a later batch fails, undoes
the earlier ones; that is safe only if nobody else changes those records in between, or
the undo would write over their change. So before it reads the map, an import holds every
record it names: an edit to a held record is refused (CONFLICT, "being imported"), and so
is a second import naming one, until the first ends. A hold whose import stopped without
ending (its process was killed) lapses once its heartbeat is `STALE_S` old."""

import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

from neo4j.exceptions import ConstraintError

from service.db.driver import Database, Transaction, batches
from service.editing.keys import Editor
from service.errors import Conflict

_ANOTHER_IMPORT = (
    "another import started writing some of these records at the same moment; nothing was "
    "written: try again when it has finished"
)
# A batch renews the heartbeat; no batch takes anywhere near this long.
STALE_S = 600


@dataclass(frozen=True)
class ImportRun:
    """A running import: the id its holds carry."""

    id: str

    async def beat(self, tx: Transaction) -> None:
        """Renews the run's heartbeat, in the transaction of a batch it writes."""
        await tx.run("imports/heartbeat", run=self.id)


async def refuse_held(tx: Transaction, ids: Sequence[str], run: str | None = None) -> None:
    """Conflict if a running import (other than `run`) holds any of `ids`."""
    held = await tx.run("imports/held", ids=list(ids), run=run, stale_seconds=STALE_S)
    if held:
        first = held[0]
        more = f" (and {len(held) - 1} more)" if len(held) > 1 else ""
        raise Conflict(
            f"'{first['id']}'{more} is being imported (an import by {first['actor']} "
            f"started at {first['started']}); nothing was written: try again when it has "
            "finished"
        )


@asynccontextmanager
async def holding(
    db: Database, editor: Editor, ids: Sequence[str], batch_size: int
) -> AsyncIterator[ImportRun]:
    """Holds `ids` for the block and releases them when it ends, however it ends."""
    await _release_lapsed(db, batch_size)
    run = ImportRun(str(uuid.uuid4()))
    await db.write("imports/begin", run=run.id, actor=editor.name)
    try:
        wanted = sorted(set(ids))
        for batch in batches(wanted, batch_size):
            try:
                async with db.transaction() as tx:
                    await refuse_held(tx, batch, run.id)
                    await tx.run("imports/hold", run=run.id, ids=list(batch))
            except ConstraintError:
                # Another import took a hold on one of these in the same moment.
                raise Conflict(_ANOTHER_IMPORT) from None
        yield run
    finally:
        await _release(db, run.id, batch_size)


async def _release(db: Database, run: str, batch_size: int) -> None:
    await db.delete_in_batches("imports/release", limit=batch_size, run=run)
    await db.write("imports/end", run=run)


async def _release_lapsed(db: Database, batch_size: int) -> None:
    for row in await db.read("imports/stale_runs", stale_seconds=STALE_S):
        await _release(db, row["run"], batch_size)
