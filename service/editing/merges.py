"""Merging a duplicate organization into the one that stays: its relationships move to the
survivor, the survivor takes the duplicate's name and acronym as aliases (so search and
later imports find it by them), and the duplicate is retired, marked as merged, so its id
still resolves (with includeRetired) and its history stays readable. What the merge moved
is kept on its MERGED_INTO relationship, so `unmerge` can put both records back as they
were, links and seats included; both histories record the merge and its undoing."""

import json
from typing import Any

from service.db.driver import Database, Transaction
from service.domain.directory import checked_id
from service.editing import audit, permissions
from service.editing.changes import Outcome, current, lock, record_state, stale
from service.editing.keys import Editor
from service.errors import Conflict, FieldProblem, Invalid, NotFound
from service.model.kinds import alias_parts
from service.model.records import KEYED_BY, MapRecord

# The language of a name whose language an import does not tell (ISO 639-2 "undetermined").
UNKNOWN_LANGUAGE = "und"


async def merge_organizations(
    db: Database,
    editor: Editor,
    survivor: tuple[str, int],
    duplicate: tuple[str, int],
) -> Outcome:
    """Each of `survivor` and `duplicate` is (id, the version the editor read)."""
    permissions.may_merge(editor)
    async with db.transaction() as tx:
        return await merge_in(tx, editor, survivor, duplicate)


async def merge_in(
    tx: Transaction, editor: Editor, survivor: tuple[str, int], duplicate: tuple[str, int]
) -> Outcome:
    """The merge, in the caller's transaction (a review records its judgement with it)."""
    for node_id, _ in (survivor, duplicate):
        checked_id(node_id, "organization")
    if survivor[0] == duplicate[0]:
        raise Invalid([FieldProblem("duplicate", "an organization cannot be merged into itself")])
    # Both locked at once, in id order: two merges of the same pair never deadlock.
    await lock(tx, [survivor[0], duplicate[0]])
    kept = await current(tx, *survivor, retired=False)
    gone = await current(tx, *duplicate, retired=False)
    await _not_judged_different(tx, survivor[0], duplicate[0])
    before = [
        await record_state(tx, survivor[0], kept),
        await record_state(tx, duplicate[0], gone),
    ]
    added = _names_of(gone, kept)
    rows = await tx.run(
        "edits/merge_organizations",
        survivor=survivor[0],
        duplicate=duplicate[0],
        keyedBy=KEYED_BY,
    )
    if not rows:
        raise Conflict(stale(survivor[0], survivor[1]))
    row = rows[0]
    survivor_props = row["survivor"]
    if added:
        aliases = [*(kept.get("aliases") or []), *added]
        [changed] = await tx.run("edits/set_aliases", id=survivor[0], aliases=aliases)
        survivor_props = changed["props"]
    undo = {k: row[k] for k in ("moved", "between", "reseated")} | {"aliases": added}
    await tx.run(
        "edits/keep_merge_undo",
        survivor=survivor[0],
        duplicate=duplicate[0],
        undo=audit.as_json(undo),
    )
    after = [
        await record_state(tx, survivor[0], survivor_props),
        await record_state(tx, duplicate[0], row["duplicate"]),
    ]
    moved = f"({len(row['moved']) + len(row['reseated'])} relationships moved)"
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
    return Outcome(MapRecord(survivor[0], survivor_props), event_ids[0])


def _names_of(gone: dict[str, Any], kept: dict[str, Any]) -> list[str]:
    """The duplicate's name, acronym and aliases the survivor does not go by yet, as
    aliases (in the duplicate's language where its alias says, else undetermined)."""
    held = {str(kept.get("name", "")).casefold(), str(kept.get("acronym") or "").casefold()}
    held |= {alias_parts(a)[1].casefold() for a in kept.get("aliases") or []}
    found: list[str] = []
    given = [(UNKNOWN_LANGUAGE, gone.get("name")), (UNKNOWN_LANGUAGE, gone.get("acronym"))]
    given += [alias_parts(a) for a in gone.get("aliases") or []]
    for language, name in given:
        if name and str(name).casefold() not in held:
            held.add(str(name).casefold())
            found.append(f"{language}: {name}")
    return found


async def _not_judged_different(tx: Transaction, first: str, second: str) -> None:
    """A pair the review judged different is never merged, until a later judgement says
    otherwise."""
    rows = await tx.run("identity/judgements")
    latest = [r for r in rows if set(r["organizations"]) == {first, second}]
    if latest and latest[-1]["verdict"] == "different":
        raise Conflict(
            f"{first} and {second} were judged different organizations ({latest[-1]['id']}); "
            "judge them again (same) to merge them"
        )


async def unmerge_organizations(
    db: Database, editor: Editor, duplicate: tuple[str, int]
) -> Outcome:
    """Puts a merged record back on the map as it was before the merge, with its links,
    and takes off the survivor what the merge gave it; `duplicate` is (id, the version
    read). The outcome is the restored record."""
    permissions.may_merge(editor)
    checked_id(duplicate[0], "organization")
    async with db.transaction() as tx:
        found = await tx.run("edits/merge_undo", duplicate=duplicate[0])
        if not found:
            raise NotFound(f"'{duplicate[0]}' is no record merged into another")
        survivor_id, kept_undo = found[0]["survivor"], found[0]["undo"]
        if kept_undo is None:
            raise Conflict(
                f"'{duplicate[0]}' was merged before merges kept what they moved; "
                "restore it and link it again by hand"
            )
        await lock(tx, [survivor_id, duplicate[0]])
        gone = await current(tx, *duplicate, retired=True)
        kept = (await lock(tx, [survivor_id]))[survivor_id]
        undo = json.loads(kept_undo)
        before = [
            await record_state(tx, survivor_id, kept),
            await record_state(tx, duplicate[0], gone),
        ]
        aliases = [a for a in kept.get("aliases") or [] if a not in undo["aliases"]]
        rows = await tx.run(
            "edits/unmerge_organizations",
            survivor=survivor_id,
            duplicate=duplicate[0],
            label="Organization",
            moved=undo["moved"],
            between=undo["between"],
            reseated=undo["reseated"],
            aliases=aliases,
        )
        if not rows:
            raise Conflict(stale(duplicate[0], duplicate[1]))
        after = [
            await record_state(tx, survivor_id, rows[0]["survivor"]),
            await record_state(tx, duplicate[0], rows[0]["duplicate"]),
        ]
        summary = f"undid the merge of {duplicate[0]} into {survivor_id}"
        event_ids = await audit.record_all(
            tx,
            editor,
            [
                audit.Change("unmerge", [survivor_id], summary, before[0], after[0]),
                audit.Change(
                    "unmerge", [duplicate[0]], f"{summary}; restored", before[1], after[1]
                ),
            ],
        )
    return Outcome(MapRecord(duplicate[0], rows[0]["duplicate"]), event_ids[1])
