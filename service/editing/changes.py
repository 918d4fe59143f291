"""Creating, replacing, retiring, restoring and deleting records. Each change runs in one
transaction with its audit event: checks first (key, version, every id named), then the
write, then the event, so a refused or failed change leaves no trace and no event."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from neo4j.exceptions import ConstraintError

from service.db.driver import Database, Transaction
from service.domain import overlap_store
from service.domain.directory import checked_id
from service.editing import audit, duplicates, holds, permissions, references
from service.editing.keys import Editor
from service.errors import Conflict, FieldProblem, Invalid, NotFound
from service.model.ids import LABELS, kind_of
from service.model.kinds import DRAFTS, EDITED_KINDS, AnyDraft, OrganizationDraft
from service.model.records import SORT_KEY, LinkRow, MapRecord, with_sort_key

Props = dict[str, Any]
# A scoped key's organization is recorded as leading the initiatives it creates.
SCOPED_CREATOR_ROLE = "LEADS"


@dataclass(frozen=True)
class Outcome:
    """A changed record and the audit event that records the change (None if nothing
    changed, or, for a new organization, if it looks like a duplicate and was not created)."""

    record: MapRecord | None
    event_id: str | None
    possible_duplicates: tuple[duplicates.Candidate, ...] = ()


async def create(
    db: Database, editor: Editor, draft: AnyDraft, *, confirm_new: bool = False
) -> Outcome:
    permissions.may_create(editor, draft.KIND)
    async with db.transaction() as tx:
        return await create_in(tx, editor, draft, confirm_new=confirm_new)


async def create_in(
    tx: Transaction, editor: Editor, draft: AnyDraft, *, confirm_new: bool = False
) -> Outcome:
    """The creation, in the caller's transaction (a review records its judgement and the
    merge it decides together); the caller has checked the key may create it."""
    node_id = draft.node_id()
    await references.check_draft(tx, draft)
    await permissions.may_link_draft(tx, editor, node_id, draft)
    if await tx.run("nodes/by_id_with_retired", id=node_id):
        raise Invalid([FieldProblem("key", f"'{node_id}' is taken; choose another key")])
    if isinstance(draft, OrganizationDraft) and not confirm_new:
        found = await _possible_duplicates(tx, draft)
        if found:
            return Outcome(None, None, tuple(found))
    props = {**edited(draft), "id": node_id, "version": 1}
    try:
        [row] = await tx.run("edits/create_node", id=node_id, label=LABELS[draft.KIND], props=props)
    except ConstraintError:
        # Another editor created the same id since the check above.
        raise Conflict(
            f"'{node_id}' was just created by another change; choose another key"
        ) from None
    links = link_rows(node_id, draft, editor)
    await _replace_links(tx, node_id, draft, links)
    # The record's own state; a scoped creator's LEADS link is named in the summary.
    after = state(row["props"], [r for r in links if r["from"] == node_id])
    led_by = f", led by {editor.organization}" if draft.KIND == "initiative" else ""
    summary = f"created {node_id}{led_by if editor.organization else ''}"
    event_id = await audit.record(tx, editor, "create", _ends(node_id, links), summary, None, after)
    return Outcome(MapRecord(node_id, row["props"]), event_id)


async def update(
    db: Database, editor: Editor, node_id: str, version: int, draft: AnyDraft
) -> Outcome:
    """Replaces the record with the draft, if the editor read the latest version."""
    checked_id(node_id, draft.KIND)
    async with db.transaction() as tx:
        return await update_in(tx, editor, node_id, version, draft)


async def update_in(
    tx: Transaction, editor: Editor, node_id: str, version: int, draft: AnyDraft
) -> Outcome:
    """The update, in the caller's transaction."""
    now = await current(tx, node_id, version, retired=False, editor=editor)
    if draft.key and draft.node_id() != node_id:
        raise Invalid([FieldProblem("key", f"ids never change; leave key out for {node_id}")])
    await references.check_draft(tx, draft)
    await permissions.may_link_draft(tx, editor, node_id, draft)
    before = await record_state(tx, node_id, now)
    props = {**edited(draft), "id": node_id, "version": version}
    links = link_rows(node_id, draft, None)
    after = state(props, links)
    if before == after:
        return Outcome(MapRecord(node_id, now), None)
    rows = await tx.run(
        "edits/update_node",
        id=node_id,
        version=version,
        props={**props, "version": version + 1},
    )
    if not rows:
        raise Conflict(stale(node_id, version))
    await _replace_links(tx, node_id, draft, links)
    event_id = await audit.record(
        tx, editor, "update", [node_id], f"updated {node_id}", before, after
    )
    return Outcome(MapRecord(node_id, rows[0]["props"]), event_id)


async def retire(db: Database, editor: Editor, node_id: str, version: int) -> Outcome:
    return await _relabel(db, editor, node_id, version, "retire")


async def restore(db: Database, editor: Editor, node_id: str, version: int) -> Outcome:
    return await _relabel(db, editor, node_id, version, "restore")


async def delete(db: Database, editor: Editor, node_id: str, version: int) -> str:
    """Deletes the node for good (admins only); the id of the audit event that records it."""
    checked_id(node_id, *EDITED_KINDS)
    permissions.may_delete(editor)
    async with db.transaction() as tx:
        before = await record_state(tx, node_id, await current(tx, node_id, version, retired=None))
        await overlap_store.enqueue_around(tx, node_id)
        rows = await tx.run("edits/delete", id=node_id, version=version)
        if not rows:
            raise Conflict(stale(node_id, version))
        return await audit.record(
            tx, editor, "delete", [node_id], f"deleted {node_id}", before, None
        )


async def _relabel(
    db: Database, editor: Editor, node_id: str, version: int, action: str
) -> Outcome:
    checked_id(node_id, *EDITED_KINDS)
    async with db.transaction() as tx:
        now = await current(tx, node_id, version, retired=action == "restore", editor=editor)
        label = LABELS[kind_of(node_id)]
        before = await record_state(tx, node_id, now)
        await overlap_store.enqueue_around(tx, node_id)
        rows = await tx.run(f"edits/{action}", id=node_id, version=version, label=label)
        if not rows:
            raise Conflict(stale(node_id, version))
        after = {**before, "properties": state(rows[0]["props"], [])["properties"]}
        event_id = await audit.record(
            tx, editor, action, [node_id], f"{action}d {node_id}", before, after
        )
    return Outcome(MapRecord(node_id, rows[0]["props"]), event_id)


async def lock(tx: Transaction, node_ids: list[str]) -> dict[str, Props]:
    """Takes the write lock of each node that exists (in id order, so two changes locking
    the same nodes cannot deadlock) and reads it afterwards: the properties returned are
    the latest committed, and stay so until this transaction ends. A version compared
    against them holds however many editors save at once. The caller then checks its
    rights, and only then refuses a record an import is writing (`refuse_held`): a key
    with no rights over a record is told FORBIDDEN, and learns nothing of imports."""
    ids = sorted(set(node_ids))
    rows = await tx.run("edits/lock", ids=ids)
    return {row["id"]: row["props"] for row in rows}


async def refuse_held(tx: Transaction, node_ids: list[str]) -> None:
    """CONFLICT if an import is writing any of the records, locked by `lock` and with the
    caller's rights over them checked: the import's undo must not write over a change
    made while it runs."""
    await holds.refuse_held(tx, sorted(set(node_ids)))


async def current(
    tx: Transaction,
    node_id: str,
    version: int,
    *,
    retired: bool | None,
    editor: Editor | None = None,
) -> Props:
    """The node's properties, locked for this transaction, if it exists, `editor` (when
    given) may change it, no import is writing it, and it is in the state wanted (on the
    map, retired, or either when None) and still at `version`. Rights come before holds
    and state, so a key learns nothing about a record it may not change."""
    found = (await lock(tx, [node_id])).get(node_id)
    if found is None:
        raise NotFound(f"nothing on the map has the id '{node_id}'")
    if editor is not None:
        await permissions.may_change(tx, editor, node_id)
        permissions.may_change_locked(editor, node_id, found)
    await refuse_held(tx, [node_id])
    props: Props = found
    is_retired = "retired" in props
    if retired is not None and is_retired != retired:
        state = "is retired; restore it first" if is_retired else "is not retired"
        raise Conflict(f"'{node_id}' {state}")
    if props.get("version") != version:
        raise Conflict(stale(node_id, version, props.get("version")))
    return props


def stale(node_id: str, version: int, latest: object = None) -> str:
    now = f" it is at version {latest};" if latest is not None else ""
    return (
        f"'{node_id}' has changed since version {version};{now} read it again and "
        "reapply your change"
    )


def stored(draft: AnyDraft) -> Props:
    """The draft's node properties as stored: without nulls (absent and null read the
    same), with their sort key."""
    return with_sort_key({k: v for k, v in draft.properties().items() if v is not None})


def edited(draft: AnyDraft) -> Props:
    """What an editor's create or update stores: an edit checks the record, so one that
    gives no date of its own is verified on the day it is made."""
    props = stored(draft)
    for dated in ("last_verified", "status_since"):
        if dated in type(draft).model_fields:
            props.setdefault(dated, date.today().isoformat())
    return props


def own_types(kind: str) -> list[str]:
    """The relationship types that are part of a record of this kind: its citations and the
    links its own fields describe. The audit trail shows a record as its properties and
    these, so each event's before is the previous event's after."""
    return sorted({"CITED_IN", *DRAFTS[kind].LINKS.values()})


def replaced_types(draft: AnyDraft) -> list[str]:
    return own_types(draft.KIND)


async def record_state(tx: Transaction, node_id: str, props: Props) -> Props:
    """The record as the audit trail shows it, read inside the caller's transaction."""
    return state(props, await _links_out(tx, node_id, own_types(kind_of(node_id))))


def link_rows(
    node_id: str, draft: AnyDraft, creator: Editor | None, held: list[Props] | None = None
) -> list[Props]:
    """The relationships a draft describes: its citations, then its inline links, each
    citing the draft's first citation, except a link the map already `held` (its links as
    {type, to, props}): that one keeps the source it has, which the draft does not state."""
    rows = [
        link_row(node_id, "CITED_IN", c.source, {"section": c.section, "note": c.note})
        for c in draft.cited
    ]
    provenance = draft.cited[0].model_dump() if draft.cited else {}
    kept = {(h["type"], h["to"]): h["props"] for h in held or []}
    for link_type, targets in draft.links().items():
        rows.extend(
            link_row(node_id, link_type, target, _cited_part(kept.get((link_type, target))))
            if (link_type, target) in kept
            else link_row(node_id, link_type, target, provenance)
            for target in targets
        )
    if creator and creator.organization and draft.KIND == "initiative":
        rows.append(link_row(creator.organization, SCOPED_CREATOR_ROLE, node_id, provenance))
    return rows


def _cited_part(props: Props | None) -> Props:
    """A held link's properties without its key, which `link_row` makes again."""
    return {k: v for k, v in (props or {}).items() if k != "key"}


def link_row(from_id: str, link_type: str, to_id: str, props: Props) -> Props:
    """A relationship as the link statements take it, keyed as the seed loader keys it."""
    return LinkRow(from_id, link_type, to_id, props).as_parameter()


async def _replace_links(tx: Transaction, node_id: str, draft: AnyDraft, rows: list[Props]) -> None:
    own = [r for r in rows if r["from"] == node_id]
    await tx.run(
        "edits/replace_links", nodes=[{"id": node_id, "types": replaced_types(draft), "rows": own}]
    )
    for row in rows:
        if row["from"] != node_id:
            await tx.run("edits/add_link", **{k: row[k] for k in ("from", "type", "to", "props")})


async def _links_out(tx: Transaction, node_id: str, types: list[str] | None) -> list[Props]:
    rows = await tx.run("edits/links_out", id=node_id, types=types)
    return [link_row(node_id, r["type"], r["to"], r["props"]) for r in rows]


def state(props: Props, links: list[Props]) -> Props:
    """A record as the audit trail shows it: its properties and its relationships."""
    # No value and an empty list say the same (nothing recorded), so a record stored
    # without `areas` and one sent with `areas: []` are one state, not a change.
    shown = {
        k: v
        for k, v in props.items()
        if k not in ("id", "version", SORT_KEY) and v is not None and v != []
    }
    edges = sorted(
        ({"from": r["from"], "type": r["type"], "to": r["to"], **r["props"]} for r in links),
        key=lambda e: e["key"],
    )
    return {"properties": audit.plain(shown), "relationships": edges}


def _ends(node_id: str, links: list[Props]) -> list[str]:
    return sorted({node_id, *(r["from"] for r in links)})


async def _possible_duplicates(
    tx: Transaction, draft: OrganizationDraft
) -> list[duplicates.Candidate]:
    known = [
        duplicates.KnownOrganization(**row) for row in await tx.run("edits/organization_names")
    ]
    return duplicates.candidates(draft.name, draft.acronym, known)
