"""How overlap detection scales with the number of initiatives: generated maps of 1,000 to
50,000 initiatives (5 % planted duplicates) are loaded next to the seed, then blocked,
scored and removed again. Records times, candidate pairs and precision/recall in
bench/overlap_results.json. Run against a scratch database (see bench/README.md)."""

import asyncio
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

from service.config import get_settings
from service.db.driver import Database
from service.db.runtime import open_database
from service.domain.overlaps import scored_pairs
from service.seed import synthetic
from service.seed.loader import load

HERE = Path(__file__).resolve().parent
SIZES = [1_000, 5_000, 10_000, 25_000, 50_000]


async def _remove(db: Database) -> None:
    for kind in ("initiative", "organization"):
        await db.write("maintenance/delete_by_prefix", prefix=f"{kind}:{synthetic.PREFIX}")


async def _one(db: Database, size: int) -> dict[str, Any]:
    generated = synthetic.generate(size)
    start = time.perf_counter()
    await load(db, generated.graph, batch_size=5000)
    loaded = time.perf_counter()
    try:
        pairs = await scored_pairs(db, 0.0)
    finally:
        scored = time.perf_counter()
        await _remove(db)
    mine = [p for p in pairs if synthetic.PREFIX in p.a.id and synthetic.PREFIX in p.b.id]
    flagged = {(p.a.id, p.b.id) for p in mine if p.overlap.likely_duplicate}
    found = flagged & generated.duplicates
    return {
        "initiatives": size,
        "load_seconds": round(loaded - start, 1),
        "block_and_score_seconds": round(scored - loaded, 1),
        "candidate_pairs": len(pairs),
        "all_pairs": size * (size - 1) // 2,
        "precision": round(len(found) / max(len(flagged), 1), 3),
        "recall": round(len(found) / len(generated.duplicates), 3),
    }


async def main(sizes: list[int]) -> None:
    logging.disable(logging.WARNING)
    results = []
    async with open_database(get_settings(), migrate_schema=True) as db:
        await _remove(db)
        for size in sizes:
            results.append(await _one(db, size))
            print(json.dumps(results[-1]), flush=True)
    (HERE / "overlap_results.json").write_text(
        json.dumps(results, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    asyncio.run(main([int(a) for a in sys.argv[1:]] or SIZES))
