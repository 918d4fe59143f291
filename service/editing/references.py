"""Checking the ids a draft or a relationship names against the map, inside the transaction
that will write it, so every unknown id is reported at once and nothing is written."""

from service.db.driver import Transaction
from service.errors import BadId, FieldProblem, Invalid
from service.model.fields import camel_case
from service.model.ids import kind_of
from service.model.kinds import AnyDraft, CitationDraft
from service.model.relationships import FIELD_LINKS

# The kind each id-holding draft field must name (several, space-separated, where any will do).
FIELD_KINDS = {link.field: link.target for link in FIELD_LINKS}


async def check_draft(tx: Transaction, draft: AnyDraft) -> None:
    """Invalid, listing every problem, if an id the draft names is not on the map."""
    found = await sections(tx, named_ids(draft))
    if problems := draft_problems(draft, found):
        raise Invalid(problems)


def named_ids(draft: AnyDraft) -> list[str]:
    """Every id a draft names: its links' targets and its citations' sources."""
    return [n[2] for n in _named(draft)] + [c.source for c in draft.cited]


def draft_problems(draft: AnyDraft, found: dict[str, list[str] | None]) -> list[FieldProblem]:
    """What is wrong with the ids a draft names, given the ids known (with their sections)."""
    problems = [
        p for at, kind, node_id in _named(draft) if (p := missing(found, at, kind, node_id))
    ]
    return problems + citation_problems(found, "cited", draft.cited)


def _named(draft: AnyDraft) -> list[tuple[str, str, str]]:
    """(field as the client spells it, the kind it must be, the id) for each id named."""
    named: list[tuple[str, str, str]] = []
    for field in draft.LINKS:
        value, at = getattr(draft, field), camel_case(field)
        if isinstance(value, list):
            named.extend((f"{at}[{i}]", FIELD_KINDS[field], v) for i, v in enumerate(value))
        elif value:
            named.append((at, FIELD_KINDS[field], value))
    return named


def citation_problems(
    found: dict[str, list[str] | None], field: str, cited: list[CitationDraft]
) -> list[FieldProblem]:
    problems = []
    for i, citation in enumerate(cited):
        at = f"{field}[{i}]" if field == "cited" else field
        absent = missing(found, f"{at}.source", "source", citation.source)
        known = found.get(citation.source) or []
        if absent:
            problems.append(absent)
        elif known and citation.section not in known:
            problems.append(FieldProblem(f"{at}.section", _section_reason(citation, known)))
    return problems


def _section_reason(citation: CitationDraft, known: list[str]) -> str:
    listed = "; ".join(known) if len(known) <= 5 else f"its {len(known)} sections are listed on it"
    if citation.section is None:
        return f"{citation.source} has sections; name one ({listed})"
    return f"'{citation.section}' is not a section of {citation.source} ({listed})"


def missing(
    found: dict[str, list[str] | None], at: str, kind: str, node_id: str
) -> FieldProblem | None:
    try:
        actual = kind_of(node_id)
    except BadId as error:
        return FieldProblem(at, str(error))
    if actual not in kind.split():
        expected = " or ".join(kind.split())
        return FieldProblem(at, f"'{node_id}' is a {actual} id; expected a {expected} id")
    if node_id not in found:
        return FieldProblem(at, f"'{node_id}' is not on the map")
    return None


async def sections(tx: Transaction, ids: list[str]) -> dict[str, list[str] | None]:
    """The ids among these that are on the map, each with its sections (None if not a source)."""
    rows = await tx.run("edits/references", ids=sorted(set(ids)))
    return {row["id"]: row["sections"] for row in rows}
