"""What a key scoped to one organization (a partner's) may import: the rows it could write
through the API, each other row left out naming why. It may create initiatives the file
gives its organization a role in, and sources; change its organization and the
initiatives that organization takes part in; and link them as `permissions.may_link`
allows, so a row that speaks for another organization (its lead, its funding, its
membership) is refused. A new organization other than its own is refused too: the key
speaks for no one else, and a name it cannot find is no one it may add."""

from collections.abc import Sequence

from service.db.driver import Transaction
from service.editing import permissions
from service.editing.keys import Editor
from service.editing.relationships import RelationshipDraft
from service.errors import Forbidden, Problem
from service.interchange.rows import Row
from service.model.ids import kind_of

# (the row, the id it writes, whether the record is new)
Written = tuple[Row, str, bool]


async def outside(
    tx: Transaction,
    editor: Editor,
    records: Sequence[Written],
    links: Sequence[tuple[Row, RelationshipDraft]],
) -> list[tuple[Row, Problem]]:
    """Each row the scoped key may not write, with why."""
    own = str(editor.organization)
    # A new initiative the file gives the organization a role in is the organization's.
    roles = {d.to for _, d in links if d.from_ == own and kind_of(d.to) == "initiative"}
    its_own = {node_id for _, node_id, new in records if new and node_id in roles}
    known: dict[str, bool] = {}

    async def within(node_id: str) -> bool:
        if node_id in its_own:
            return True
        if node_id not in known:
            known[node_id] = await permissions.within_scope(tx, editor, node_id)
        return known[node_id]

    refused = [
        (row, row.problem("id", reason))
        for row, node_id, new in records
        if (reason := await _record_refused(own, node_id, new, its_own, within))
    ]
    for row, draft in links:
        try:
            await permissions.may_link(tx, editor, draft.type, draft.from_, draft.to, within)
        except Forbidden as error:
            refused.append((row, row.problem("type", str(error))))
    return refused


async def _record_refused(
    own: str, node_id: str, new: bool, its_own: set[str], within: permissions.Within
) -> str | None:
    """Why the scoped key may not write the record, if it may not: what it may create is
    `permissions.SCOPED_MAY_CREATE` (an initiative only where the file gives it a role); what
    it may change, what `within` allows."""
    kind = kind_of(node_id)
    if new and kind not in permissions.SCOPED_MAY_CREATE:
        return f"a key scoped to {own} speaks only for it: it may not add another {kind}"
    if new and kind == "initiative" and node_id not in its_own:
        return f"the file gives {own} no role in it, and a key scoped to {own} speaks only for it"
    if new or await within(node_id):
        return None
    return (
        f"{node_id} is not {own} nor an initiative it takes part in; "
        f"a key scoped to {own} may not change it"
    )
