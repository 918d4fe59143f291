"""The identity review: which organization records on the map may be one organization (the
queue), and the decisions on them. The queue is worked out from the map whenever it is
asked for (service/scoring/identity.py on every organization), less the pairs judged
different: it keeps no state of its own, so nothing can fall out of step with the map,
and a killed process leaves nothing half-queued. A decision is a merge judgement
(same, different or unsure, with who and when); "same" merges the two records in the
judgement's own transaction, "different" keeps the pair out of the queue and out of any
merge for good (until judged again), "unsure" leaves it queued, marked so."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from service.db.driver import Database, Transaction
from service.domain.directory import checked_id
from service.editing import changes, merges, permissions
from service.editing.duplicates import KnownOrganization
from service.editing.keys import Editor
from service.errors import FieldProblem, Invalid
from service.model.kinds import MergeJudgementDraft, MergeVerdict, alias_parts, parse
from service.model.records import MapRecord
from service.scoring.identity import Pair, Profile, candidate_pairs

QUEUE_MAX = 500


@dataclass(frozen=True)
class Judged:
    """The latest judgement of a pair."""

    id: str
    verdict: str
    decided_by: str
    decided_on: str


@dataclass(frozen=True)
class QueuedPair:
    """A pair of records on the map that may be one organization, and why."""

    pair: Pair
    records: tuple[MapRecord, MapRecord]
    last: Judged | None  # an "unsure" judgement, if one was made


@dataclass(frozen=True)
class Decision:
    judgement: MapRecord
    merged: MapRecord | None  # the record kept, when the verdict was "same"


def profile_of(row: dict[str, Any]) -> Profile:
    """A row of identity/profiles (or of the names an import reads) as the matcher's."""
    return Profile(
        row["id"],
        row["name"],
        row.get("acronym"),
        tuple(alias_parts(a)[1] for a in row.get("aliases") or []),
        row.get("iati_ref"),
        frozenset(row.get("countries") or ()),
    )


async def profiles(db: Database) -> tuple[dict[str, Profile], dict[str, MapRecord]]:
    """Every organization on the map, as the matcher sees it and as a record."""
    rows = await db.read("identity/profiles")
    return (
        {row["id"]: profile_of(row) for row in rows},
        {row["id"]: MapRecord(row["id"], row["props"]) for row in rows},
    )


async def known_organizations(db: Database) -> list[KnownOrganization]:
    """What an import matches names against automatically: each organization's name,
    acronym, aliases and IATI identifier, then the names of records merged into it."""
    on_map = [KnownOrganization(**row) for row in await db.read("edits/organization_names")]
    merged = [KnownOrganization(**row) for row in await db.read("identity/merged_names")]
    return on_map + merged


async def judgements(db: Database | Transaction) -> dict[tuple[str, str], Judged]:
    """The latest judgement of each pair judged, by its two ids in order."""
    rows = await (db.run if isinstance(db, Transaction) else db.read)("identity/judgements")
    found: dict[tuple[str, str], Judged] = {}
    for row in rows:
        first, second = sorted(row["organizations"])
        found[(first, second)] = Judged(
            row["id"], row["verdict"], row["decided_by"], row["decided_on"]
        )
    return found


def open_pairs(pairs: list[Pair], judged: dict[tuple[str, str], Judged]) -> list[Pair]:
    """The pairs still to decide: a pair judged different is never asked again."""
    return [
        p
        for p in pairs
        if (j := judged.get((p.a, p.b))) is None or j.verdict != MergeVerdict.DIFFERENT
    ]


async def queue(
    db: Database, organization: str | None = None, first: int = 100
) -> list[QueuedPair]:
    """The pairs to review, likeliest first; with `organization`, only its own."""
    if organization is not None:
        checked_id(organization, "organization")
    if not 1 <= first <= QUEUE_MAX:
        raise Invalid([FieldProblem("first", f"must be between 1 and {QUEUE_MAX}")])
    found, records = await profiles(db)
    judged = await judgements(db)
    involving = {organization} if organization else None
    pairs = open_pairs(candidate_pairs(found.values(), involving), judged)[:first]
    return [QueuedPair(p, (records[p.a], records[p.b]), judged.get((p.a, p.b))) for p in pairs]


async def judge(
    db: Database,
    editor: Editor,
    organizations: tuple[str, str],
    verdict: MergeVerdict,
    *,
    reason: str | None = None,
    keep: str | None = None,
    cited: list[dict[str, Any]] | None = None,
) -> Decision:
    """Records the decision on two organization records, with the key's name and today's
    date; "same" merges them (into `keep`, else the first), in the same transaction. With
    no citation given, the judgement cites the sources the two records cite."""
    permissions.may_merge(editor)
    first, second = organizations
    for node_id in organizations:
        checked_id(node_id, "organization")
    if keep is not None and keep not in organizations:
        raise Invalid([FieldProblem("keep", "must be one of the two organizations judged")])
    async with db.transaction() as tx:
        sources = cited or await _sources_of(tx, organizations, verdict)
        draft = parse(
            MergeJudgementDraft,
            {
                "organizations": [first, second],
                "verdict": verdict,
                "decided_by": editor.name,
                "decided_on": date.today().isoformat(),
                "reason": reason,
                "cited": sources,
            },
        )
        made = await _record(tx, editor, draft)
        merged = None
        if verdict == MergeVerdict.SAME:
            survivor = keep or first
            duplicate = second if survivor == first else first
            versions = await changes.lock(tx, [survivor, duplicate])
            outcome = await merges.merge_in(
                tx,
                editor,
                (survivor, int(versions.get(survivor, {}).get("version", 0))),
                (duplicate, int(versions.get(duplicate, {}).get("version", 0))),
            )
            merged = outcome.record
    return Decision(made, merged)


async def _record(tx: Transaction, editor: Editor, draft: MergeJudgementDraft) -> MapRecord:
    """The judgement as a record: a second decision on the same pair the same day
    replaces the first."""
    node_id = draft.node_id()
    now = (await changes.lock(tx, [node_id])).get(node_id)
    if now is None:
        outcome = await changes.create_in(tx, editor, draft)
    else:
        outcome = await changes.update_in(tx, editor, node_id, int(now["version"]), draft)
    assert outcome.record is not None  # only a held-back new organization has none
    return outcome.record


async def _sources_of(
    tx: Transaction, organizations: tuple[str, str], verdict: MergeVerdict
) -> list[dict[str, Any]]:
    rows = await tx.run("identity/sources", ids=list(organizations))
    note = f"Identity review: the two records judged {verdict.value}."
    cited = [{"source": r["source"], "section": r["section"], "note": note} for r in rows]
    if not cited:
        raise Invalid(
            [FieldProblem("cited", "neither record cites a source; give the one it rests on")]
        )
    return cited
