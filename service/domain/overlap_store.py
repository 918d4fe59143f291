"""Overlaps kept in the map, so `overlaps` and `duplicateClusters` are reads.

Every compared pair (service/scoring/blocking.py) is scored once and stored as an
OverlapPair of the current generation: the pair, its score and verdict; the reasons of the
pairs a read returns are worked out again from their two initiatives (`explained`).

A change to the map leaves a note in the transaction that makes it (edits and imports
through their audit events, deletions and retirements with what the record's overlaps
hang on, seed loads when they end); before the next read, the notes' initiatives have
their pairs scored again, in one transaction that holds the state node's lock. A pair's
score depends on its two initiatives alone (the word rarity is fixed), so this equals a
rescore of the whole map.

A rescore of the whole map (no stored generation yet, another scoring version, a change
to the places' regions, or a change touching more than REBUILD_SHARE of the initiatives)
writes a new generation in batches of their own transactions, then switches to it in one:
readers see the old generation until then, and a rescore that fails leaves it in place."""

import asyncio
import hashlib
import time
import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

import numpy as np
import structlog

from service.db.driver import Database, Transaction, batches
from service.domain.locks import process_lock
from service.scoring import blocking, text
from service.scoring import overlap as scoring

log = structlog.get_logger(__name__)

# Whole-map rescores are the cheaper way once a change touches this share of the map.
REBUILD_SHARE = 0.2
# A note naming this asks for a whole-map rescore: the places' regions changed, which
# every initiative's profile may read.
EVERYTHING = "*"
WRITE_BATCH = 5_000
WRITERS = 2
PROFILE_BATCH = 5_000
# A whole-map rescore that has not switched after this long is taken to have died.
REBUILD_STALE_S = 3_600


@cache
def fingerprint() -> str:
    """What the stored scores were made with: the scoring version, the word rarity and
    the blocking rules. Stored scores made with anything else are rescored."""
    made_with = f"{blocking.SMALL_GROUP}|{blocking.ALIKE_TEXT}|".encode()
    digest = hashlib.sha256(made_with + text.RARITY_FILE.read_bytes()).hexdigest()[:12]
    return f"{scoring.VERSION}+{digest}"


def profile(row: dict[str, Any]) -> scoring.Profile:
    props = row["props"]
    return scoring.Profile(
        id=row["id"],
        text=f"{props.get('name', '')}. {props.get('description') or ''}",
        places=frozenset(row["places"]),
        around=frozenset(row["around"]),
        themes=frozenset(row["themes"]),
        targets=frozenset(row["targets"]),
        organizations=frozenset(row["organizations"]),
        action_groups=frozenset(row["actionGroups"]),
        linked=frozenset(row["linked"]),
        follows=frozenset(row["follows"]),
        complements=frozenset(row["complements"]),
        kind=props.get("kind") or "",
        work=frozenset(props.get("work") or []),
        start=_date(props.get("start_on")),
        end=_date(props.get("end_on")),
    )


def _date(value: Any) -> date | None:
    return None if value is None else date(value.year, value.month, value.day)


def scored(
    profiles: dict[str, scoring.Profile], involving: set[str] | None = None
) -> list[dict[str, Any]]:
    """Every compared pair among `profiles` (with `involving`: those with one of them),
    scored, as rows to store: the pair, its score and verdict."""
    vectors = text.vectors({pid: p.text for pid, p in profiles.items()})
    rows = []
    for pair in blocking.candidates(profiles, vectors, involving):
        result = scoring.score(profiles[pair.a], profiles[pair.b], pair.text)
        rows.append(
            {"a": pair.a, "b": pair.b, "score": result.score, "verdict": result.verdict.value}
        )
    return rows


async def profiles_of(db: Database, ids: Iterable[str]) -> dict[str, scoring.Profile]:
    """What overlap scoring compares about each of the initiatives, by id."""
    wanted = sorted(set(ids))
    rows = await db.read("overlaps/profiles", ids=wanted) if wanted else []
    return {row["id"]: profile(row) for row in rows}


def explained(
    profiles: dict[str, scoring.Profile], pairs: list[tuple[str, str]]
) -> list[scoring.Overlap]:
    """Stored pairs scored again from their two initiatives' profiles, for their reasons:
    the same scorer on the same profiles, so the same score and verdict as stored."""
    vectors = text.vectors({pid: p.text for pid, p in profiles.items()})
    row = vectors.row
    left = np.array([row[a] for a, _ in pairs], np.int64)
    right = np.array([row[b] for _, b in pairs], np.int64)
    similarities = vectors.similarities(left, right)
    return [
        scoring.score(profiles[a], profiles[b], float(similarity))
        for (a, b), similarity in zip(pairs, similarities, strict=True)
    ]


async def enqueue(tx: Transaction, ids: Iterable[str]) -> None:
    """Note, inside the transaction of a change, that these nodes changed."""
    await tx.run("overlaps/enqueue", ids=sorted(set(ids)))


async def enqueue_around(tx: Transaction, node_id: str) -> None:
    """Before a record is deleted, retired or restored: note what its overlaps hang on (its
    initiatives' groups, or a group's initiatives), which its relationships will not tell
    once it is gone."""
    await enqueue(tx, [r["id"] for r in await tx.run("overlaps/around", id=node_id)])


async def note_changed(db: Database, ids: Iterable[str]) -> None:
    """The same, for writes made in many transactions (seed loads), once they end."""
    async with db.transaction() as tx:
        await enqueue(tx, ids)


async def current_generation(db: Database) -> str:
    """The generation to read, once the stored overlaps are up to date with the map."""
    [state] = await db.read("overlaps/state")
    if state["generation"] is not None and state["version"] == fingerprint():
        if state["pending"] and not _rebuilding(state["rebuildingSince"]):
            await _rescore_changes(db, state["initiatives"])
            [state] = await db.read("overlaps/state")
        if state["pending"] and _rebuilding(state["rebuildingSince"]):
            # A rescore is under way (perhaps begun by another request while this one waited
            # for the notes); if this process runs it, wait for it rather than answer from
            # the generation it is replacing.
            async with process_lock("overlap-rescore"):
                [state] = await db.read("overlaps/state")
        if state["generation"] is not None:
            return str(state["generation"])
    async with process_lock("overlap-rescore"):
        [state] = await db.read("overlaps/state")
        if state["generation"] is None or state["version"] != fingerprint():
            return await rebuild(db)
        return str(state["generation"])


def _rebuilding(since: Any) -> bool:
    if since is None:
        return False
    started: float = since.to_native().timestamp()
    return time.time() - started < REBUILD_STALE_S


async def _rescore_changes(db: Database, initiatives: int) -> None:
    async with db.transaction() as tx:
        notes = await tx.run("overlaps/lock_pending")
        if not notes or _rebuilding(notes[0]["rebuildingSince"]):
            return
        changed = sorted({t for note in notes for t in note["targets"]})
        affected = {r["id"] for r in await tx.run("overlaps/affected", ids=changed)}
        rescore_all = EVERYTHING in changed or len(affected) > REBUILD_SHARE * max(initiatives, 1)
        if not rescore_all:
            await _rescore(tx, notes[0]["generation"], changed, affected)
            await tx.run("overlaps/done_pending", refs=[n["ref"] for n in notes])
    if rescore_all:
        # Under the process's lock, and only if no request of this process has rebuilt
        # meanwhile (a rebuild clears the notes it took in).
        async with process_lock("overlap-rescore"):
            [state] = await db.read("overlaps/state")
            if state["pending"] and not _rebuilding(state["rebuildingSince"]):
                await rebuild(db)


async def _rescore(
    tx: Transaction, generation: str, changed: list[str], affected: set[str]
) -> None:
    started = time.perf_counter()
    partners = {r["id"] for r in await tx.run("overlaps/partners", ids=sorted(affected))}
    rows = await tx.run("overlaps/profiles", ids=sorted(affected | partners))
    profiles = {row["id"]: profile(row) for row in rows}
    pairs = await asyncio.to_thread(scored, profiles, affected)
    # A deleted initiative is among the changed ids, no longer among the affected ones.
    gone = sorted(set(changed) | affected)
    await tx.run("overlaps/remove_pairs", generation=generation, ids=gone)
    for batch in batches(pairs, WRITE_BATCH):
        await tx.run("overlaps/store_pairs", generation=generation, pairs=list(batch))
    log.info(
        "overlaps_rescored",
        initiatives=len(affected),
        compared_with=len(partners),
        pairs=len(pairs),
        seconds=round(time.perf_counter() - started, 3),
    )


async def rebuild(db: Database) -> str:
    """Score every compared pair of the map into a new generation and switch to it;
    returns the new generation."""
    started = time.perf_counter()
    stale_before = datetime.now(UTC) - timedelta(seconds=REBUILD_STALE_S)
    [start] = await db.write("overlaps/start_rebuild", staleBefore=stale_before)
    generation = uuid.uuid4().hex
    try:
        ids = [r["id"] for r in await db.read("overlaps/all_ids")]
        profiles = {}
        for batch in batches(ids, PROFILE_BATCH):
            for row in await db.read("overlaps/profiles", ids=list(batch)):
                profiles[row["id"]] = profile(row)
        read = time.perf_counter()
        pairs = await asyncio.to_thread(scored, profiles)
        compared = time.perf_counter()
        await _write_generation(db, generation, pairs)
        [switched] = await db.write(
            "overlaps/switch", generation=generation, version=fingerprint(), refs=start["refs"]
        )
    except BaseException:
        await _drop(db, generation)
        await db.write("overlaps/abandon_rebuild")
        raise
    if switched["previous"] is not None:
        await _drop(db, switched["previous"])
    log.info(
        "overlaps_rebuilt",
        initiatives=len(profiles),
        pairs=len(pairs),
        seconds=round(time.perf_counter() - started, 1),
        reading_s=round(read - started, 1),
        scoring_s=round(compared - read, 1),
        writing_s=round(time.perf_counter() - compared, 1),
    )
    return generation


async def _write_generation(db: Database, generation: str, pairs: list[dict[str, Any]]) -> None:
    """WRITERS transactions at a time: Neo4j writes each on a core of its own."""
    queue = list(batches(pairs, WRITE_BATCH))
    written = 0

    async def writer() -> None:
        nonlocal written
        while queue:
            rows = queue.pop()
            await db.write("overlaps/store_pairs", generation=generation, pairs=list(rows))
            written += len(rows)
            log.debug("overlaps_written", pairs=written, of=len(pairs))

    # A past map's rescore runs in one transaction, which takes one statement at a time.
    await asyncio.gather(*(writer() for _ in range(1 if db.rehearsed else WRITERS)))


async def _drop(db: Database, generation: str) -> None:
    await db.delete_in_batches("overlaps/drop_generation", WRITE_BATCH, generation=generation)
