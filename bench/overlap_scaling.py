"""How overlap detection scales with the number of initiatives: the seed plus generated maps
of 1,000 to 50,000 initiatives (5 % planted duplicates) in a Neo4j of the benchmark's own
with the default 1 GB heap. For each size: a rescore of the whole map from scratch (every
compared pair scored and stored), precision and recall of `likelyDuplicate` on the planted
pairs, then edits through the editing service (each a generated organization made lead of
another initiative), timing the first `overlaps` read after each, which scores again what
the edit touched: the first edit's (its statements planned for the first time) and the
median of the next five. Records the numbers in bench/overlap_results.json."""

import asyncio
import json
import logging
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench.scratch import scratch_neo4j
from service.config import Settings
from service.db.driver import Database
from service.db.runtime import open_database
from service.domain import overlap_store
from service.domain.overlaps import overlaps, scored_pairs
from service.editing import relationships
from service.editing.keys import Editor
from service.scoring import overlap as scoring
from service.seed import synthetic
from service.seed.loader import load, prepare

HERE = Path(__file__).resolve().parent
SIZES = [1_000, 5_000, 10_000, 25_000, 50_000]
EDITOR = Editor("benchmark", "admin")
GCG = "source:gcg-2017-report"
EDITS = 5


async def _one_edit(db: Database, generated: synthetic.Synthetic, n: int) -> float:
    """The n-th generated organization becomes lead of an initiative it had no part in;
    returns how long the first `overlaps` read after it took."""
    organization = [g.id for g in generated.graph.nodes if g.id.startswith("organization:")][n]
    target = next(
        g.id
        for g in reversed(generated.graph.nodes)
        if g.id.startswith("initiative:")
        and not any(
            link.source_id == organization and link.target_id == g.id
            for link in generated.graph.links
        )
    )
    draft = relationships.RelationshipDraft.model_validate(
        {
            "from": organization,
            "type": "LEADS",
            "to": target,
            "source": GCG,
            "section": "1. Introduction to Alliance 8.7",
            "note": "Benchmark edit.",
        }
    )
    await relationships.add(db, EDITOR, draft)
    started = time.perf_counter()
    await overlaps(db, 0.4, None, None, 50)
    return time.perf_counter() - started


async def _edits(db: Database, generated: synthetic.Synthetic) -> dict[str, Any]:
    """The first edit's read pays for planning the rescore's statements; the median of the
    next EDITS is what a running service sees."""
    first = await _one_edit(db, generated, 0)
    later = [await _one_edit(db, generated, n) for n in range(1, EDITS + 1)]
    started = time.perf_counter()
    await overlaps(db, 0.4, None, None, 50)
    return {
        "after_one_edit_first_read_seconds": round(statistics.median(later), 3),
        "after_the_first_edit_since_start_seconds": round(first, 3),
        "read_unchanged_seconds": round(time.perf_counter() - started, 3),
    }


async def _one(db: Database, size: int) -> dict[str, Any]:
    generated = synthetic.generate(size)
    start = time.perf_counter()
    await load(db, generated.graph, batch_size=5000)
    loaded = time.perf_counter()
    try:
        generation = await overlap_store.rebuild(db)
        scored = time.perf_counter()
        [stored] = await db.read("overlaps/count", generation=generation)
        pairs = await scored_pairs(db, scoring.DUPLICATE_MIN_SCORE)
        edit = await _edits(db, generated)
    finally:
        await synthetic.remove(db)
    mine = [p for p in pairs if synthetic.PREFIX in p.a.id and synthetic.PREFIX in p.b.id]
    flagged = {(p.a.id, p.b.id) for p in mine if p.overlap.likely_duplicate}
    found = flagged & generated.duplicates
    return {
        "initiatives": size,
        "load_seconds": round(loaded - start, 1),
        "from_scratch_seconds": round(scored - loaded, 1),
        "stored_pairs": stored["pairs"],
        "all_pairs": size * (size - 1) // 2,
        "precision": round(len(found) / max(len(flagged), 1), 3),
        "recall": round(len(found) / len(generated.duplicates), 3),
        **edit,
    }


async def _run(settings: Settings, sizes: list[int]) -> list[dict[str, Any]]:
    results = []
    async with open_database(settings, migrate_schema=True) as db:
        await load(db, prepare(settings.seed_dir), settings.load_batch_size)
        for size in sizes:
            results.append(await _one(db, size))
            print(json.dumps(results[-1]), flush=True)
    return results


def main(sizes: list[int]) -> None:
    logging.disable(logging.WARNING)
    with scratch_neo4j(local_neo4j_heap="1g") as settings:
        results = asyncio.run(_run(settings, sizes))
    (HERE / "overlap_results.json").write_text(
        json.dumps({"heap": "1g", "results": results}, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or SIZES)
