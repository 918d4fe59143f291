"""Merging a duplicate organization into the one that stays: its relationships move to the
survivor, and the duplicate is retired, marked as merged, so its id still resolves (with
includeRetired) and its history stays readable."""

from service.db.driver import Database
from service.domain.directory import checked_id
from service.editing import audit, permissions
from service.editing.changes import Outcome, current, lock, record_state, stale
from service.editing.keys import Editor
from service.errors import Conflict, FieldProblem, Invalid
from service.model.records import KEYED_BY, MapRecord


async def merge_organizations(
    db: Database,
    editor: Editor,
    survivor: tuple[str, int],
    duplicate: tuple[str, int],
) -> Outcome:
    """Each of `survivor` and `duplicate` is (id, the version the editor read)."""
    permissions.may_merge(editor)
    for node_id, _ in (survivor, duplicate):
        checked_id(node_id, "organization")
    if survivor[0] == duplicate[0]:
        raise Invalid([FieldProblem("duplicate", "an organization cannot be merged into itself")])
    async with db.transaction() as tx:
        # Both locked at once, in id order: two merges of the same pair never deadlock.
        await lock(tx, [survivor[0], duplicate[0]])
        kept = await current(tx, *survivor, retired=False)
        gone = await current(tx, *duplicate, retired=False)
        before = [
            await record_state(tx, survivor[0], kept),
            await record_state(tx, duplicate[0], gone),
        ]
        rows = await tx.run(
            "edits/merge_organizations",
            survivor=survivor[0],
            duplicate=duplicate[0],
            keyedBy=KEYED_BY,
        )
        if not rows:
            raise Conflict(stale(survivor[0], survivor[1]))
        after = [
            await record_state(tx, survivor[0], rows[0]["survivor"]),
            await record_state(tx, duplicate[0], rows[0]["duplicate"]),
        ]
        moved = f"({rows[0]['moved']} relationships moved)"
        # One event per record, so each record's history stays one unbroken chain of states.
        event_ids = await audit.record_all(
            tx,
            editor,
            [
                audit.Change(
                    "merge",
                    [survivor[0]],
                    f"merged {duplicate[0]} into {survivor[0]} {moved}",
                    before[0],
                    after[0],
                ),
                audit.Change(
                    "merge",
                    [duplicate[0]],
                    f"merged {duplicate[0]} into {survivor[0]} {moved}; retired",
                    before[1],
                    after[1],
                ),
            ],
        )
    return Outcome(MapRecord(survivor[0], rows[0]["survivor"]), event_ids[0])
