"""Checking an import whole before anything is written: each row becomes an edit draft
(the same checks as the GraphQL mutations), every id it names must be on the map or in the
import itself, no id may appear twice or belong to a retired record. A row a check refuses
is left out with its file, row, field and reason, with the relationships that name it, and
the rest is checked again (`plan_what_passes`); an import is refused whole only when no
row passes."""

from dataclasses import dataclass, field
from typing import Any

from service.db.driver import Transaction
from service.editing import permissions, references
from service.editing.changes import link_row
from service.editing.keys import Editor
from service.editing.relationships import RelationshipDraft, shape_problems
from service.errors import FieldProblem, Forbidden, ImportInvalid, Invalid, Problem
from service.interchange import scope
from service.interchange.records import draft_values
from service.interchange.rows import CITATION, CLEAR, SEEN, Row
from service.model.kinds import DRAFTS, AnyDraft, CitationDraft, parse, part_of_initiative

# A row a check refuses, and why.
Refusal = tuple[Row, Problem]


class RowsRefused(ImportInvalid):
    """Rows the checks refuse, each with its problems; `refused` names the rows, so an
    import can leave them out and check the rest again."""

    def __init__(self, refusals: list[Refusal]) -> None:
        self.refused = [row for row, _ in refusals]
        super().__init__([problem for _, problem in refusals])


@dataclass
class RecordPlan:
    row: Row
    node_id: str
    draft: AnyDraft
    # The record as the check read it (id, props, links); None for a new one.
    current: dict[str, Any] | None = None


@dataclass
class LinkPlan:
    row: Row
    link: dict[str, Any]  # {from, type, to, props} as the link statements take it


@dataclass
class Plan:
    records: list[RecordPlan] = field(default_factory=list)
    links: list[LinkPlan] = field(default_factory=list)


async def make_plan(tx: Transaction, rows: list[Row], editor: Editor | None = None) -> Plan:
    """The checked plan; RowsRefused naming every row a check refuses, and why. For a key
    scoped to one organization, a row it may not write is refused too (scope.py)."""
    problems: list[Refusal] = [
        (row, row.problem(f, reason)) for row in rows for f, reason in row.issues
    ]
    # A row the reader found wrong is reported as such, not checked again field by field,
    # and nor are the relationships of a record that is wrong: its own problems say enough.
    wrong = {str(row.values.get("id")) for row in rows if row.issues and row.kind}
    rows = [row for row in rows if not row.issues]
    current = await _current(tx, rows)
    records = _records(rows, problems, current)
    drafts_by_id = {r.node_id: r for r in records}
    wrong |= {str(row.values.get("id")) for row in rows if row.kind} - set(drafts_by_id)
    relationships, citations = _relationships(
        [r for r in rows if not {r.values.get("from"), r.values.get("to")} & wrong],
        drafts_by_id,
        problems,
    )
    for node_id, extra in citations.items():
        plan = drafts_by_id[node_id]
        plan.draft = plan.draft.model_copy(update={"cited": [*plan.draft.cited, *extra]})
    found = await _known(tx, records, relationships)
    for record in records:
        problems += _pointed(record.row, references.draft_problems(record.draft, found))
    links = [_link(row, draft, found, problems) for row, draft in relationships]
    if editor is not None and editor.organization:
        problems += await scope.outside(tx, editor, *_scoped(records, relationships))
    if editor is not None:
        problems += _locked(editor, records)
    retired = await tx.run("seed/retired_ids", ids=list(drafts_by_id))
    for row in retired:
        plan = drafts_by_id[row["id"]]
        problems.append(
            (plan.row, plan.row.problem("id", f"{row['id']} is retired; restore it first"))
        )
    if problems:
        raise RowsRefused(problems)
    return Plan(records, links)


async def plan_what_passes(
    tx: Transaction, rows: list[Row], editor: Editor | None = None
) -> tuple[Plan, list[Row], list[Row]]:
    """The plan of the rows the checks pass, those rows, and the rows left out, each with why: a bad
    value costs its row (and the relationships naming a record left out), never the file.
    The checks run again on what is left until it passes; only an import of which nothing
    passes is refused whole (ImportInvalid, with every problem)."""
    left, out, every = rows, list[Row](), list[Problem]()
    while True:
        try:
            return await make_plan(tx, left, editor), left, out
        except RowsRefused as refused:
            every += refused.problems
            bad = {id(row) for row in refused.refused}
            gone = {str(r.values.get("id")): r.where for r in left if id(r) in bad and r.kind}
            for row, problem in zip(refused.refused, refused.problems, strict=True):
                out.append(_left_out(row, problem.field, problem.message))
            for row in left:
                ends = [row.values.get(e) for e in ("from", "to")] if row.kind is None else []
                named = next((str(e) for e in ends if str(e) in gone), None)
                if id(row) not in bad and named:
                    bad.add(id(row))
                    out.append(_left_out(row, "from", f"names {named}, left out ({gone[named]})"))
            left = [row for row in left if id(row) not in bad]
        if not any(row.kind != SEEN for row in left):
            raise ImportInvalid(every)


def _scoped(
    records: list[RecordPlan], relationships: list[tuple[Row, RelationshipDraft]]
) -> tuple[list[scope.Written], list[scope.Link]]:
    """The records and links a scoped key's rights are judged on: every record, with the
    initiative it is kept with, if any; the relationship rows and each record's own links."""
    written = [(r.row, r.node_id, r.current is None, _part_of(r.draft)) for r in records]
    links: list[scope.Link] = [(row, str(d.type), d.from_, d.to) for row, d in relationships]
    links += [
        (r.row, link_type, r.node_id, target)
        for r in records
        for link_type, targets in r.draft.links().items()
        for target in targets
    ]
    return written, links


def _part_of(draft: AnyDraft) -> str | None:
    through = part_of_initiative(draft.KIND)
    found = draft.links().get(through, []) if through else []
    return found[0] if found else None


def _locked(editor: Editor, records: list[RecordPlan]) -> list[Refusal]:
    """The rows that would change a locked record (a closed reporting period)."""
    refused = []
    for record in records:
        if record.current is None:
            continue
        try:
            permissions.may_change_locked(editor, record.node_id, record.current["props"])
        except Forbidden as error:
            refused.append((record.row, record.row.problem("id", str(error))))
    return refused


def _left_out(row: Row, field_name: str | None, reason: str) -> Row:
    return Row(row.file, row.where, row.kind, row.values, skipped=[(field_name or "", reason)])


async def _current(tx: Transaction, rows: list[Row]) -> dict[str, dict[str, Any]]:
    """The records on the map that the import names, locked for its transaction."""
    ids = sorted({str(row.values.get("id")) for row in rows if row.kind and row.values.get("id")})
    return {state["id"]: state for state in await tx.run("interchange/states", ids=ids)}


def _records(
    rows: list[Row], problems: list[Refusal], current: dict[str, dict[str, Any]]
) -> list[RecordPlan]:
    seen: dict[str, Row] = {}
    records = []
    for row in rows:
        if row.kind is None:
            continue
        node_id = str(row.values.get("id") or "")
        if not node_id.startswith(f"{row.kind}:") or len(node_id) <= len(row.kind) + 1:
            problems.append((row, row.problem("id", f"needs an id of the form {row.kind}:key")))
            continue
        if node_id in seen:
            problems.append((row, row.problem("id", f"{node_id} is also at {seen[node_id].where}")))
            continue
        seen[node_id] = row
        now = current.get(node_id)
        if wrong := _version_problem(row, node_id, now):
            problems.append((row, wrong))
            continue
        try:
            draft = parse(DRAFTS[row.kind], _draft_input(row, node_id, now))
        except Invalid as error:
            problems += _pointed(row, error.problems)
            continue
        records.append(RecordPlan(row, node_id, draft, now))
    return records


def _version_problem(row: Row, node_id: str, now: dict[str, Any] | None) -> Problem | None:
    """A row that names the version it was read at is refused if the record on the map
    has moved on since."""
    given = row.values.get("version")
    if given in (None, ""):
        return None
    try:
        version = int(str(given))
    except ValueError:
        return row.problem("version", f"'{given}' is not a whole number")
    if now is None:
        return None  # a new record here (a file from another map); it starts at version 1
    latest = now["props"].get("version")
    if version != latest:
        return row.problem(
            "version",
            f"{node_id} has changed since version {version}; it is at version {latest}: "
            "export it again and reapply your change",
        )
    return None


def _draft_input(row: Row, node_id: str, now: dict[str, Any] | None) -> dict[str, Any]:
    """The row as a draft's input. For a record already on the map, an empty cell keeps
    what the map holds and only the CLEAR marker empties a field."""
    kind = str(row.kind)
    cleared = {k for k, v in row.values.items() if v == CLEAR or v == [CLEAR]}
    given = {
        k: v
        for k, v in row.values.items()
        if k not in ("id", "version", *CITATION, *cleared) and v not in (None, "", [])
    }
    if "cited" in DRAFTS[kind].model_fields:
        source, section, note = (row.values.get(k) for k in CITATION)
        given["cited"] = [{"source": source, "section": section, "note": note}] if source else []
    if now is not None:
        _keep_current(kind, now, given, cleared)
    given["key"] = node_id.split(":", 1)[1]
    return given


def _keep_current(kind: str, now: dict[str, Any], given: dict[str, Any], cleared: set[str]) -> None:
    """Fills what the row leaves empty from the record's current row; with no citation
    given, the record keeps every citation it has."""
    held = draft_values(kind, now)
    for name, value in held.items():
        if name not in {*given, *cleared, "cited"} and value not in (None, []):
            given[name] = value
    if given.get("cited") == []:
        given["cited"] = held.get("cited", [])


def _relationships(
    rows: list[Row], records: dict[str, RecordPlan], problems: list[Refusal]
) -> tuple[list[tuple[Row, RelationshipDraft]], dict[str, list[CitationDraft]]]:
    """The relationships, and the extra citations (CITED_IN rows) of imported records."""
    links: list[tuple[Row, RelationshipDraft]] = []
    citations: dict[str, list[CitationDraft]] = {}
    for row in rows:
        if row.kind is not None:
            continue
        values = {k: v for k, v in row.values.items() if v not in (None, "")}
        if values.get("type") == "CITED_IN" and values.get("from") in records:
            cited = {
                "source": values.get("to"),
                "section": values.get("section"),
                "note": values.get("note"),
            }
            try:
                citations.setdefault(values["from"], []).append(parse(CitationDraft, cited))
            except Invalid as error:
                problems += _pointed(row, error.problems)
            continue
        try:
            draft = parse(RelationshipDraft, values)
        except Invalid as error:
            problems += _pointed(row, error.problems)
            continue
        problems += _pointed(row, shape_problems(draft))
        links.append((row, draft))
    return links, citations


async def _known(
    tx: Transaction, records: list[RecordPlan], links: list[tuple[Row, RelationshipDraft]]
) -> dict[str, list[str] | None]:
    """The ids named anywhere in the import that are on the map or in the import, each with
    its sections (for sources)."""
    named = [i for r in records for i in references.named_ids(r.draft)]
    named += [i for _, d in links for i in (d.from_, d.to, d.source)]
    found = await references.sections(tx, named)
    for record in records:
        found[record.node_id] = getattr(record.draft, "sections", None)
    return found


def _link(
    row: Row,
    draft: RelationshipDraft,
    found: dict[str, list[str] | None],
    problems: list[Refusal],
) -> LinkPlan:
    wrong = [
        FieldProblem(end, f"'{node_id}' is not on the map or in this import")
        for end, node_id in (("from", draft.from_), ("to", draft.to))
        if node_id not in found
    ]
    wrong += references.citation_problems(found, "source", [draft.citation()])
    problems += _pointed(row, wrong)
    cited = {"source": draft.source, "section": draft.section, "note": draft.note}
    return LinkPlan(row, link_row(draft.from_, draft.type, draft.to, {**draft.extra(), **cited}))


def _pointed(row: Row, found: list[FieldProblem]) -> list[Refusal]:
    return [(row, row.problem(p.field, p.reason)) for p in found]
