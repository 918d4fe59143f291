"""What each key may do. Admin keys may do everything. Editor keys may create, change,
retire, restore and merge; only admins delete. An editor key scoped to one organization may
change that organization, create initiatives (it is recorded as leading them) and sources,
and change and link the initiatives it takes part in; nothing else, and no imports.

Rights are decided from the map as it was before the change, with both ends locked. A
relationship belongs to the record it points to, so a scoped key may add or remove one only
when it already has rights over that record (or, for a link to a shared reference record
such as a country, theme or source, over the record it starts from). A key can therefore
never declare its own rights: linking its organization as partner, leader, funder, host,
chair or member of a record it has no rights over is refused at the link."""

from service.db.driver import Transaction
from service.editing.keys import Editor
from service.errors import Forbidden
from service.model.ids import kind_of

SCOPED_MAY_CREATE = frozenset({"initiative", "source"})
# Records nobody owns: anyone with a key may point their own records at them.
SHARED_KINDS = frozenset({"country", "region", "theme", "sdg", "sdg-target", "source"})


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
    """A relationship is part of the record it points to (a partner is part of the
    initiative, a chair part of the group), so a scoped key may add or remove one only if
    it already has rights over its `to` end; or, when that end is a shared reference record,
    over its `from` end. The caller holds both ends' locks."""
    decides = from_id if kind_of(to_id) in SHARED_KINDS else to_id
    if not await _within_scope(tx, editor, decides):
        raise Forbidden(
            f"this key is scoped to {editor.organization} and has no rights over {decides}; "
            "a scoped key may link records to its organization or to the initiatives it "
            "already takes part in, and link those to countries, regions, themes, SDG "
            "targets and sources, but may not link itself to other records"
        )


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
