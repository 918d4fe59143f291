"""Adding and removing the relationships between records: roles in initiatives, seats in
action groups, attendance at events, partnerships and the rest. Each one cites its source.
The links a record's own fields describe (an initiative's places, themes and SDG targets,
an organization's country, an action group's themes, an event's country, a commitment's
makers) are changed by updating that record instead, so there is one way to change each.

Adding and removing follow the same rules: the same types and ends are refused
(`end_problems`), the same rights are needed (`permissions.may_link`), and either raises
the version of both records it joins."""

from dataclasses import dataclass
from datetime import date
from typing import get_args

from service.db.driver import Database, Transaction
from service.editing import audit, permissions, references
from service.editing.changes import link_row, lock, refuse_held
from service.editing.keys import Editor
from service.errors import BadId, FieldProblem, Invalid, NotFound
from service.model.fields import MapId, Note, camel_case
from service.model.ids import kind_of
from service.model.kinds import CitationDraft
from service.model.records import link_key
from service.model.relationships import (
    EXTRA_PROPERTIES,
    FIELD_LINKS,
    ID_PROPERTIES,
    RELATIONSHIPS,
    RelationshipRecord,
    RelationshipType,
)


def _set_by_record() -> dict[tuple[str, str], str]:
    """(kind of the start, type) pairs that a record's own fields set, with the mutation
    and fields that set them, such as "updateInitiative (countries, regions)"."""
    fields: dict[tuple[str, str], list[str]] = {}
    for link in FIELD_LINKS:
        fields.setdefault((link.kind, link.type), []).append(camel_case(link.field))
    return {
        (kind, type_): f"update{kind.title().replace('-', '')} ({', '.join(names)})"
        for (kind, type_), names in fields.items()
    }


SET_BY_RECORD = _set_by_record()


class RelationshipDraft(RelationshipRecord):
    """One relationship and the citation behind it."""

    note: Note
    source: MapId
    section: str | None = None

    def citation(self) -> CitationDraft:
        return CitationDraft(source=self.source, section=self.section, note=self.note)

    def extra(self) -> dict[str, object]:
        return {k: v for k in EXTRA_PROPERTIES if (v := getattr(self, k)) is not None}

    def named_ids(self) -> dict[str, str]:
        """The ids its properties name (the organization a person's seat is for), by property."""
        return {k: str(v) for k in ID_PROPERTIES if (v := getattr(self, k)) is not None}


def _already(draft: RelationshipDraft) -> str:
    keyed_by = RELATIONSHIPS[draft.type].keyed_by
    told = f" with {camel_case(keyed_by)} '{getattr(draft, keyed_by)}'" if keyed_by else ""
    return f"{draft.from_} already {draft.type} {draft.to}{told}"


@dataclass(frozen=True)
class LinkChange:
    from_id: str
    type: str
    to_id: str
    props: dict[str, object]
    event_id: str


# The types a relationship may be added or removed as on its own (the rest are set by
# their records' fields).
WRITTEN_ALONE = frozenset(get_args(RelationshipType))


def end_problems(link_type: str, from_id: str, to_id: str) -> list[FieldProblem]:
    """What is wrong with adding or removing a relationship of this type between these two
    ids, before any lookup: one check for both, so nothing can be removed that could not be
    added."""
    if link_type not in WRITTEN_ALONE:
        set_by = sorted({where for (_, t), where in SET_BY_RECORD.items() if t == link_type})
        why = f"is set by {' or '.join(set_by)}" if set_by else "is not a relationship type"
        return [FieldProblem("type", f"'{link_type}' {why}")]
    problems = []
    for field, node_id, allowed in (
        ("from", from_id, RELATIONSHIPS[link_type].starts),
        ("to", to_id, RELATIONSHIPS[link_type].ends),
    ):
        try:
            kind = kind_of(node_id)
        except BadId as error:
            problems.append(FieldProblem(field, str(error)))
            continue
        if kind not in allowed:
            verb = "start at" if field == "from" else "point to"
            problems.append(FieldProblem(field, f"{link_type} cannot {verb} a {kind}"))
        elif field == "from" and (kind, link_type) in SET_BY_RECORD:
            where = SET_BY_RECORD[(kind, link_type)]
            problems.append(FieldProblem("type", f"{link_type} of a {kind} is set by {where}"))
    return problems


def shape_problems(draft: RelationshipDraft) -> list[FieldProblem]:
    """What is wrong with the relationship's ends and properties, before any lookup."""
    problems = end_problems(draft.type, draft.from_, draft.to)
    given = set(draft.extra())
    for extra in sorted(given - RELATIONSHIPS[draft.type].properties):
        problems.append(FieldProblem(extra, f"{draft.type} does not take '{extra}'"))
    for missing in sorted(RELATIONSHIPS[draft.type].required - given):
        problems.append(FieldProblem(missing, f"{draft.type} needs '{missing}'"))
    return problems


async def add(db: Database, editor: Editor, draft: RelationshipDraft) -> LinkChange:
    if problems := shape_problems(draft):
        raise Invalid(problems)
    async with db.transaction() as tx:
        await _lock_with_rights(tx, editor, draft.type, draft.from_, draft.to)
        ends = [draft.from_, draft.to]
        named = draft.named_ids()
        found = await references.sections(tx, [*ends, *named.values(), draft.source])
        problems = [
            FieldProblem(field, f"'{node_id}' is not on the map")
            for field, node_id in (("from", draft.from_), ("to", draft.to))
            if node_id not in found
        ]
        problems += [
            p
            for field, node_id in named.items()
            if (p := references.missing(found, camel_case(field), ID_PROPERTIES[field], node_id))
        ]
        problems += references.citation_problems(found, "source", [draft.citation()])
        cited = {"source": draft.source, "section": draft.section, "note": draft.note}
        checked = {"as_of": date.today().isoformat()}  # unless it says, checked today
        row = link_row(draft.from_, draft.type, draft.to, {**checked, **draft.extra(), **cited})
        ends_and_key = {"from": draft.from_, "type": draft.type, "to": draft.to}
        if await tx.run("edits/find_link", **ends_and_key, key=row["props"]["key"]):
            problems.append(FieldProblem("type", _already(draft)))
        if problems:
            raise Invalid(problems)
        [written] = await tx.run("edits/add_link", **row)
        await tx.run("edits/raise_versions", ids=sorted(set(ends)))
        event_id = await audit.record(
            tx, editor, "link", ends, f"{draft.from_} {draft.type} {draft.to}", None, row
        )
    return LinkChange(draft.from_, draft.type, draft.to, written["props"], event_id)


async def remove(
    db: Database,
    editor: Editor,
    from_id: str,
    link_type: str,
    to_id: str,
    which: str | None = None,
) -> LinkChange:
    """Removes the relationship; for a type keyed by a property (a person's seats), `which`
    names the one (its seat), needed where there are several."""
    if problems := end_problems(link_type, from_id, to_id):
        raise Invalid(problems)
    keyed_by = RELATIONSHIPS[link_type].keyed_by
    if which is not None and keyed_by is None:
        raise Invalid([FieldProblem("which", f"{link_type} is never more than one; leave it out")])
    key = None if which is None else link_key(from_id, link_type, to_id, {str(keyed_by): which})
    ends = {"from": from_id, "type": link_type, "to": to_id}
    async with db.transaction() as tx:
        await _lock_with_rights(tx, editor, link_type, from_id, to_id)
        if key is None and keyed_by and len(await tx.run("edits/find_links", **ends)) > 1:
            raise Invalid(
                [
                    FieldProblem(
                        "which",
                        f"{from_id} has several {link_type} to {to_id}; "
                        f"name the {keyed_by.replace('_', ' ')} to remove",
                    )
                ]
            )
        rows = await tx.run("edits/remove_link", **ends, key=key)
        if not rows:
            raise NotFound(
                f"{from_id} has no {link_type} relationship to {to_id}"
                + (f" with {camel_case(keyed_by or '')} '{which}'" if which else "")
            )
        await tx.run("edits/raise_versions", ids=sorted({from_id, to_id}))
        before = {"from": from_id, "type": link_type, "to": to_id, "props": rows[0]["props"]}
        event_id = await audit.record(
            tx,
            editor,
            "unlink",
            [from_id, to_id],
            f"{from_id} no longer {link_type} {to_id}",
            before,
            None,
        )
    return LinkChange(from_id, link_type, to_id, rows[0]["props"], event_id)


async def _lock_with_rights(
    tx: Transaction, editor: Editor, link_type: str, from_id: str, to_id: str
) -> None:
    """Locks both ends, then checks the key's rights over the relationship, for adding and
    removing alike; locked first, so rights and what is read next hold until the commit."""
    await lock(tx, [from_id, to_id])
    await permissions.may_link(tx, editor, link_type, from_id, to_id)
    # Rights first: a key with no right to a record hears FORBIDDEN, not that it is held.
    await refuse_held(tx, [from_id, to_id])
