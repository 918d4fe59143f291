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
from service.errors import Forbidden, Problem
from service.interchange.rows import Row
from service.model.ids import kind_of
from service.model.kinds import DRAFTS, part_of_initiative

# The kinds kept with an initiative (a period report): a partner creates one only for an
# initiative its organization takes part in.
_KEPT_WITH_INITIATIVE = frozenset(k for k in DRAFTS if part_of_initiative(k))

# (the row, the id it writes, whether the record is new, the initiative it is part of if
# its kind is kept with one: `PART_OF_INITIATIVE`)
Written = tuple[Row, str, bool, str | None]
# (the row, the relationship type, the id it starts at, the id it points to)
Link = tuple[Row, str, str, str]


async def outside(
    tx: Transaction,
    editor: Editor,
    records: Sequence[Written],
    links: Sequence[Link],
) -> list[tuple[Row, Problem]]:
    """Each row the scoped key may not write, with why. `links` holds the relationship
    rows and the records' own links (an initiative's countries, a report's initiative)."""
    own = str(editor.organization)
    # A new initiative the file gives the organization a role in is the organization's.
    roles = {to for _, _, from_, to in links if from_ == own and kind_of(to) == "initiative"}
    its_own = {node_id for _, node_id, new, _ in records if new and node_id in roles}
    known: dict[str, bool] = {}

    async def within(node_id: str) -> bool:
        if node_id in its_own:
            return True
        if node_id not in known:
            known[node_id] = await permissions.within_scope(tx, editor, node_id)
        return known[node_id]

    # A new record kept with an initiative (a period report) is the key's if its
    # initiative is.
    for _, node_id, new, initiative in records:
        if new and initiative and await within(initiative):
            its_own.add(node_id)
    refused = [
        (row, row.problem("id", reason))
        for row, node_id, new, initiative in records
        if (reason := await _record_refused(own, node_id, new, its_own, within))
    ]
    for row, link_type, from_, to in links:
        try:
            await permissions.may_link(tx, editor, link_type, from_, to, within)
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
    if new and kind != "initiative" and kind in _KEPT_WITH_INITIATIVE and node_id not in its_own:
        return (
            f"it is for an initiative {own} takes no part in; "
            f"a key scoped to {own} speaks only for it"
        )
    if new or await within(node_id):
        return None
    return (
        f"{node_id} is not {own} nor an initiative it takes part in; "
        f"a key scoped to {own} may not change it"
    )
