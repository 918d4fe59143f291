"""What each key may do. Admin keys may do everything. Editor keys may create, change,
retire, restore and merge; only admins delete. An editor key scoped to one organization may
change that organization, create initiatives (it is recorded as leading them) and sources,
and change and link the initiatives it takes part in; nothing else, and no imports."""

from service.db import Transaction
from service.domain.errors import Forbidden
from service.editing.keys import Editor
from service.ids import kind_of

EDITABLE_KINDS = ("organization", "initiative", "action-group", "event", "source")
SCOPED_MAY_CREATE = frozenset({"initiative", "source"})


def may_create(editor: Editor, kind: str) -> None:
    if editor.organization and kind not in SCOPED_MAY_CREATE:
        raise Forbidden(
            f"this key is scoped to {editor.organization}; "
            f"it may create initiatives and sources, not a {kind}"
        )


async def may_change(tx: Transaction, editor: Editor, node_id: str) -> None:
    if not await _within_scope(tx, editor, node_id):
        raise Forbidden(_outside(editor))


async def may_link(tx: Transaction, editor: Editor, from_id: str, to_id: str) -> None:
    """A scoped key may link its organization, or an initiative it takes part in, to others."""
    for end in (from_id, to_id):
        if await _within_scope(tx, editor, end):
            return
    raise Forbidden(_outside(editor))


def may_import(editor: Editor) -> None:
    if editor.organization:
        raise Forbidden(f"this key is scoped to {editor.organization}; imports need a wider key")


def may_delete(editor: Editor) -> None:
    if not editor.is_admin:
        raise Forbidden("deleting needs an admin key; an editor may retire a record instead")


def may_merge(editor: Editor) -> None:
    if editor.organization:
        raise Forbidden(f"this key is scoped to {editor.organization}; it may not merge records")


async def _within_scope(tx: Transaction, editor: Editor, node_id: str) -> bool:
    own = editor.organization
    if own is None or node_id == own:
        return True
    if kind_of(node_id) != "initiative":
        return False
    return bool(await tx.run("edits/works_on", organization=own, initiative=node_id))


def _outside(editor: Editor) -> str:
    return (
        f"this key is scoped to {editor.organization}; it may change that organization and "
        "the initiatives it takes part in"
    )
