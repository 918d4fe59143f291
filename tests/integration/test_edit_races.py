"""Concurrent editors never overwrite each other silently: pairs of writes fired at the same
version at the same moment, against the real Neo4j, and the audit trail checked to be one
unbroken chain afterwards."""

import asyncio
import itertools
import json
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest

from service.config import Settings
from service.db.driver import Database
from service.editing import audit, changes, merges
from service.editing.keys import Editor
from service.errors import Conflict, Contended
from service.model.kinds import OrganizationDraft
from service.seed.loader import load, prepare
from tests.conftest import run_db

ROUNDS = 50
GCG = "source:gcg-2017-report"
CITED = [{"source": GCG, "section": "1. Introduction to Alliance 8.7", "note": "Race test."}]
ALICE = Editor("test-alice", "editor")
BOB = Editor("test-bob", "editor")


@pytest.fixture(scope="module")
def reset_after(seeded: Settings) -> Iterator[Settings]:
    yield seeded

    async def reset(db: Database) -> None:
        await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
        await load(db, prepare(seeded.seed_dir), seeded.load_batch_size)

    run_db(seeded, reset)


def _draft(key: str, name: str) -> OrganizationDraft:
    return OrganizationDraft.model_validate(
        {"key": key, "name": name, "type": "ngo", "cited": CITED}
    )


async def _outcome(write: Awaitable[Any]) -> str:
    try:
        await write
    except (Conflict, Contended):
        return "conflict"
    return "ok"


async def _race(*writes: Awaitable[Any]) -> list[str]:
    return list(await asyncio.gather(*(_outcome(w) for w in writes)))


async def _version(db: Database, node_id: str) -> int:
    [row] = await db.read("nodes/by_id_with_retired", id=node_id)
    return int(row["props"]["version"])


def _chain_breaks(events: list[audit.AuditEvent]) -> list[str]:
    """Where an event's 'before' is not the previous event's 'after' (oldest first)."""
    ordered = list(reversed(events))
    breaks = []
    for previous, event in itertools.pairwise(ordered):
        if json.dumps(previous.after, sort_keys=True) != json.dumps(event.before, sort_keys=True):
            breaks.append(f"{previous.action} then {event.action} at {event.at}")
    return breaks


def _race_rounds(
    settings: Settings, key: str, pair: Callable[[Database, str, int, int], list[Awaitable[Any]]]
) -> tuple[Counter[str], list[audit.AuditEvent], int]:
    """Creates an organization, then runs ROUNDS rounds of the pair of writes at its
    current version; the tally of outcomes per round, its history and its last version."""
    node_id = f"organization:{key}"

    async def work(db: Database) -> tuple[Counter[str], list[audit.AuditEvent], int]:
        await changes.create(db, ALICE, _draft(key, f"Race {key}"), confirm_new=True)
        tally: Counter[str] = Counter()
        for round_ in range(ROUNDS):
            version = await _version(db, node_id)
            outcomes = await _race(*pair(db, node_id, version, round_))
            tally["+".join(sorted(outcomes))] += 1
            props = (await db.read("nodes/by_id_with_retired", id=node_id))[0]["props"]
            if "retired" in props:
                await changes.restore(db, ALICE, node_id, int(props["version"]))
        return tally, await audit.history(db, node_id, limit=500), await _version(db, node_id)

    return run_db(settings, work)


def test_two_updates_at_the_same_version_one_wins_one_is_told(reset_after: Settings) -> None:
    def pair(db: Database, node_id: str, version: int, n: int) -> list[Awaitable[Any]]:
        key = node_id.split(":", 1)[1]
        return [
            changes.update(db, ALICE, node_id, version, _draft(key, f"Alice's name {n}")),
            changes.update(db, BOB, node_id, version, _draft(key, f"Bob's name {n}")),
        ]

    tally, events, version = _race_rounds(reset_after, "test-race-update", pair)
    assert tally == Counter({"conflict+ok": ROUNDS})
    # Every success raised the version by one: no success was lost.
    assert version == 1 + ROUNDS
    assert [e.action for e in events].count("update") == ROUNDS
    assert _chain_breaks(events) == []


def test_two_retires_at_the_same_version_one_wins(reset_after: Settings) -> None:
    def pair(db: Database, node_id: str, version: int, _: int) -> list[Awaitable[Any]]:
        return [
            changes.retire(db, ALICE, node_id, version),
            changes.retire(db, BOB, node_id, version),
        ]

    tally, events, version = _race_rounds(reset_after, "test-race-retire", pair)
    assert tally == Counter({"conflict+ok": ROUNDS})
    assert version == 1 + 2 * ROUNDS  # each round: one retire, one restore
    assert _chain_breaks(events) == []


def test_an_update_racing_a_retire_one_wins(reset_after: Settings) -> None:
    def pair(db: Database, node_id: str, version: int, n: int) -> list[Awaitable[Any]]:
        key = node_id.split(":", 1)[1]
        return [
            changes.update(db, ALICE, node_id, version, _draft(key, f"Renamed {n}")),
            changes.retire(db, BOB, node_id, version),
        ]

    tally, events, _ = _race_rounds(reset_after, "test-race-mixed", pair)
    assert tally == Counter({"conflict+ok": ROUNDS})
    assert _chain_breaks(events) == []


def test_a_merge_racing_an_update_of_the_duplicate_one_wins(reset_after: Settings) -> None:
    async def work(db: Database) -> list[str]:
        outcomes = []
        for n in range(10):
            keep, gone = f"test-keep-{n}", f"test-gone-{n}"
            for key in (keep, gone):
                await changes.create(db, ALICE, _draft(key, f"Merge {key}"), confirm_new=True)
            outcomes += await _race(
                merges.merge_organizations(
                    db, ALICE, (f"organization:{keep}", 1), (f"organization:{gone}", 1)
                ),
                changes.update(db, BOB, f"organization:{gone}", 1, _draft(gone, "Edited")),
            )
        return outcomes

    assert Counter(run_db(reset_after, work)) == Counter({"ok": 10, "conflict": 10})
