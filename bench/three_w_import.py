"""How fast a large 3W sheet is imported: a generated sheet of N rows with HXL hashtags
(an activity of one organization in one country, on one sector, with its dates and
status, on a row per province, as an OCHA office writes them) imported onto the seeded map
on a scratch Neo4j of its own with the default 1 GB heap. A fifth of the rows name
organizations already on the map (by name or acronym), the rest come from a pool of new
ones, so the import matches names, adds organizations and queues look-alikes as a real
one does. Records rows per second (a row of the sheet is a 3W record: who, what, where),
records and relationships written per second, and peak memory (the process's peak
resident size). Results in bench/three_w_import_results.json.

Each size and shape is measured twice over: the first import on a server just started
(`cold`: Neo4j's JIT compiler is still at work, and costs it as much CPU as the writes), and
the median of REPEATS imports of new sheets onto the same map, once WARM_UP sheets have been
imported (`warm`: a service that has been running, whose map grows with each sheet).

    .venv/bin/python -m bench.three_w_import [ROWS ...]
"""

import asyncio
import csv
import io
import json
import logging
import os
import random
import resource
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bench.scratch import scratch_neo4j
from service.config import get_settings
from service.db.driver import Database
from service.db.runtime import open_database
from service.editing.keys import Editor
from service.interchange.files import Upload, import_files
from service.interchange.vocabulary import Vocabulary, load_vocabulary
from service.seed.loader import load, prepare
from service.seed.synthetic import WORDS

HERE = Path(__file__).resolve().parent
SIZES = [10_000, 50_000]
# The sheet's shapes: every row its own activity (the most a row can cost), and
# activities over up to 8 provinces (4.5 rows each on average, as field sheets have).
SHAPES = [1, 8]
WARM_UP, REPEATS = 4, 3
BENCH = Editor("bench", "admin")
HEADINGS = [
    "Organization",
    "Implementing partner",
    "Sector",
    "Country",
    "Province",
    "Activity",
    "Status",
    "Start",
    "End",
]
TAGS = [
    "#org",
    "#org+impl",
    "#sector",
    "#country+code",
    "#adm1",
    "#activity",
    "#status",
    "#date+start",
    "#date+end",
]
SECTORS = [
    "Protection",
    "Child Protection",
    "Education",
    "Early Recovery and Livelihoods",
    "Gender-Based Violence",
    "Food Security",
    "Health",
    "Forced labour",
]
COUNTRIES = [
    "NGA",
    "COD",
    "SDN",
    "SSD",
    "CAF",
    "MOZ",
    "COL",
    "GTM",
    "IRQ",
    "YEM",
    "NER",
    "CMR",
    "LBY",
    "BFA",
    "MLI",
    "TCD",
    "ETH",
    "SOM",
    "AFG",
    "UKR",
]
# Names the seed holds, written as a partner's sheet would (acronym or full name).
ON_THE_MAP = [
    "FAO",
    "UNICEF",
    "UNHCR",
    "IOM",
    "International Labour Organization",
    "Walk Free",
    "OHCHR",
    "UNODC",
]
STATUSES = ["Ongoing", "Completed", "Planned", "ongoing", "Finished"]


def sheet(rows: int, places_per_activity: int, seed: int = 87) -> bytes:
    """A 3W CSV of `rows` data rows (a heading row and a hashtag row above them): each
    activity is written on 1 to `places_per_activity` rows, one per province, as offices
    write one row per activity and place."""
    rng = random.Random(seed)
    pool = [
        f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} "
        f"{rng.choice(['Foundation', 'Network', 'Association', 'Initiative', 'Aid'])} {n}"
        for n in range(max(50, rows // 20))
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows([HEADINGS, TAGS])
    written, activity = 0, 0
    while written < rows:
        lead = rng.choice(ON_THE_MAP) if rng.random() < 0.2 else rng.choice(pool)
        year = rng.choice([2021, 2022, 2023])
        common = [lead, rng.choice(pool), rng.choice(SECTORS), rng.choice(COUNTRIES)]
        name = f"{' '.join(rng.sample(WORDS, 3)).capitalize()} {activity}"
        dates = [f"{year}-{rng.randint(1, 12):02d}-01", f"{year + 1}-{rng.randint(1, 12):02d}-28"]
        places = rng.sample(range(1, 13), min(rng.randint(1, places_per_activity), rows - written))
        for province in places:
            writer.writerow([*common, f"Province {province}", name, rng.choice(STATUSES), *dates])
        written, activity = written + len(places), activity + 1
    return out.getvalue().encode("utf-8")


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


async def _one(
    db: Database, vocabulary: Vocabulary, rows: int, places: int, seed: int
) -> dict[str, Any]:
    """Imports a new sheet onto the map as it is."""
    data = sheet(rows, places, seed)
    start = time.perf_counter()
    report = await import_files(
        db,
        BENCH,
        [Upload(f"generated-3w-{rows}-{places}-{seed}.csv", data)],
        get_settings().load_batch_size,
        vocabulary=vocabulary,
    )
    seconds = time.perf_counter() - start
    written = report.created + report.updated
    return {
        "rows": rows,
        "places_per_activity_at_most": places,
        "seconds": round(seconds, 2),
        "rows_per_second": round(rows / seconds),
        "records_created": report.created,
        "relationships_created": report.relationships_created,
        "written_per_second": round((written + report.relationships_created) / seconds),
        "left_out": len(report.skipped),
        "organizations_matched": len(report.matched),
        "look_alikes_queued": len(report.queued),
        "peak_rss_mb": _peak_rss_mb(),
    }


@asynccontextmanager
async def _seeded() -> AsyncIterator[tuple[Database, Vocabulary]]:
    """A server just started, holding the seed alone."""
    with scratch_neo4j() as settings:
        async with open_database(settings, migrate_schema=True) as db:
            await load(db, prepare(settings.seed_dir), 5000)
            yield db, load_vocabulary(settings.seed_dir)


async def _cold(rows: int, places: int) -> dict[str, Any]:
    """The first import on a server just started, onto the seed alone."""
    async with _seeded() as (db, vocabulary):
        return await _one(db, vocabulary, rows, places, 87)


async def _warm(rows: int, places: int) -> dict[str, Any]:
    """The median of REPEATS new sheets, once WARM_UP sheets have gone in."""
    async with _seeded() as (db, vocabulary):
        for seed in range(WARM_UP):
            await _one(db, vocabulary, min(rows, 10_000), places, 1000 + seed)
        runs = [await _one(db, vocabulary, rows, places, 2000 + n) for n in range(REPEATS)]
    runs.sort(key=lambda r: r["seconds"])
    return {**runs[len(runs) // 2], "seconds_of_each": [r["seconds"] for r in runs]}


async def _run(sizes: list[int]) -> list[dict[str, Any]]:
    results = []
    for rows in sizes:
        for places in SHAPES:
            for server, measure in (("cold", _cold), ("warm", _warm)):
                results.append({"server": server, **await measure(rows, places)})
                print(json.dumps(results[-1]), flush=True)
    return results


def main() -> None:
    logging.disable(logging.WARNING)
    sizes = [int(a) for a in sys.argv[1:]] or SIZES
    results = asyncio.run(_run(sizes))
    out = {
        "cores": os.cpu_count(),
        "batch_size": get_settings().load_batch_size,
        "results": results,
    }
    (HERE / "three_w_import_results.json").write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
