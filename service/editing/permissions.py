"""What each key may write. Admin keys may do everything. Editor keys may create, change,
retire, restore and merge; only admins delete. Reader keys write nothing. An editor key
scoped to one organization may change that organization, create initiatives (it is
recorded as leading them) and sources, and change and link the initiatives it takes part
in; nothing else. It may import what it may write that way: each row of a file it may not
write is left out, naming why (`interchange/plan.py`). A key speaks only for its own
organization.

Rights are decided from the map as it was before the change, with both ends locked. A
relationship is added or removed under one rule (`may_link`), which needs rights over two
things:

- the record it is part of: the record it points to (a partner is part of the
  initiative, a chair part of the group), or, for a link to a shared reference record
  such as a country, theme or source, the record it starts from. A key can therefore never
  declare its own rights: linking its organization as partner, leader, funder, host, chair
  or member of a record it has no rights over is refused at the link;
- every end it speaks for, as the model declares beside each type
  (`Relationship.speaks_for`): a funding speaks for the funder, an endorsement for the
  endorser, a membership for the body. So a key may not record another organization's
  funding in its own initiative, nor make an Alliance body endorse it. Nobody scoped holds
  rights over a shared record, so what speaks for one (a country's standing in the
  Alliance) needs an unscoped key.

docs/rights.md lists each type and whose rights it needs."""

from collections.abc import Awaitable, Callable

from service.db.driver import Transaction
from service.editing.keys import Editor
from service.errors import Forbidden
from service.model.ids import kind_of
from service.model.kinds import AnyDraft, locked_by, part_of_initiative
from service.model.relationships import RELATIONSHIPS

SCOPED_MAY_CREATE = frozenset({"initiative", "source", "period-report"})
# Whether a scoped key has rights over a record (within_scope, or an import's wider view).
Within = Callable[[str], Awaitable[bool]]
# Records nobody owns: anyone with a key may point their own records at them.
SHARED_KINDS = frozenset({"country", "region", "theme", "sdg", "sdg-target", "source", "indicator"})


def may_write(editor: Editor) -> None:
    """Refuses a key whose role writes nothing (a reader's)."""
    if not editor.writes:
        raise Forbidden(f"this is a {editor.role} key; it reads the map and changes nothing")


def may_create(editor: Editor, kind: str) -> None:
    may_write(editor)
    if editor.organization and kind not in SCOPED_MAY_CREATE:
        raise Forbidden(
            f"this key is scoped to {editor.organization}; "
            f"it may create initiatives and sources, not a {kind}"
        )


async def may_change(tx: Transaction, editor: Editor, node_id: str) -> None:
    may_write(editor)
    if not await within_scope(tx, editor, node_id):
        raise Forbidden(_outside(editor))


def part_of(from_id: str, to_id: str) -> str:
    """The record a relationship is part of: the one it points to, or, when that is a
    shared reference record, the one it starts from."""
    return from_id if kind_of(to_id) in SHARED_KINDS else to_id


def spoken_for(link_type: str, from_id: str, to_id: str) -> list[str]:
    """The records a relationship of this type states something in the name of."""
    ends = {"from": from_id, "to": to_id}
    return [ends[end] for end in sorted(RELATIONSHIPS[link_type].speaks_for)]


async def may_link(
    tx: Transaction,
    editor: Editor,
    link_type: str,
    from_id: str,
    to_id: str,
    within: Within | None = None,
) -> None:
    """The one rule for adding and for removing a relationship: rights over the record it
    is part of and over every end it speaks for. The caller holds both ends' locks. An
    import passes `within`, which also counts the initiatives it creates for the key's
    organization as the key's."""
    may_write(editor)
    if editor.organization is None:
        return
    within = within or (lambda node_id: within_scope(tx, editor, node_id))
    part = part_of(from_id, to_id)
    if not await within(part):
        raise Forbidden(
            f"this key is scoped to {editor.organization} and has no rights over {part}; "
            "a scoped key may link records to its organization or to the initiatives it "
            "already takes part in, and link those to countries, regions, themes, SDG "
            "targets and sources, but may not link itself to other records"
        )
    for node_id in spoken_for(link_type, from_id, to_id):
        if node_id == part or await within(node_id):
            continue
        whose = (
            "no organization's, so only an unscoped key may state it"
            if kind_of(node_id) in SHARED_KINDS
            else f"not {editor.organization}'s, the only one this key speaks for"
        )
        raise Forbidden(f"{link_type} speaks for {node_id}, which is {whose}")


def may_import(editor: Editor) -> None:
    may_write(editor)


def may_delete(editor: Editor) -> None:
    may_write(editor)
    if not editor.is_admin:
        raise Forbidden("deleting needs an admin key; an editor may retire a record instead")


def may_merge(editor: Editor) -> None:
    may_write(editor)
    if editor.organization:
        raise Forbidden(f"this key is scoped to {editor.organization}; it may not merge records")


async def within_scope(tx: Transaction, editor: Editor, node_id: str) -> bool:
    """Whether the key may change the record: any, unscoped; else its own organization,
    the initiatives that organization takes part in, and the records part of those (a
    period report, by the type its kind declares as `PART_OF_INITIATIVE`)."""
    own = editor.organization
    if own is None or node_id == own:
        return True
    kind = kind_of(node_id)
    through = part_of_initiative(kind)
    if through:
        found = await tx.run("edits/part_of_initiative", id=node_id, type=through)
        return bool(found) and await within_scope(tx, editor, found[0]["initiative"])
    if kind != "initiative":
        return False
    return bool(await tx.run("edits/works_on", organization=own, initiative=node_id))


async def may_link_draft(tx: Transaction, editor: Editor, node_id: str, draft: AnyDraft) -> None:
    """The draft's own relationships (its countries, its initiative...) under the one rule,
    `may_link`, the record itself counted as the key's: it is being created or changed by
    it. So a partner's period report must be for an initiative its organization takes part
    in."""
    if editor.organization is None:
        return

    async def within(target: str) -> bool:
        return target == node_id or await within_scope(tx, editor, target)

    for link_type, targets in draft.links().items():
        for target in targets:
            await may_link(tx, editor, link_type, node_id, target, within)


def may_change_locked(editor: Editor, node_id: str, props: dict[str, object]) -> None:
    """A locked record (a closed reporting period: its kind's `LOCKED_BY` property is true)
    changes only by an admin key, which may reopen it; the change is audited as any is."""
    lock = locked_by(kind_of(node_id))
    if lock and props.get(lock) is True and not editor.is_admin:
        raise Forbidden(
            f"{node_id} is {lock}: it is locked against changes; an admin key may reopen it"
        )


def _outside(editor: Editor) -> str:
    return (
        f"this key is scoped to {editor.organization}; it may change that organization and "
        "the initiatives it takes part in"
    )
