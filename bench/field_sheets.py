"""How fast the field's 3W sheets are read: every sheet of the sample beside the project
(`../shared/real-files/3w/`) previewed together in one dry run (nothing written), as a
user checking a folder of partners' files would, then the largest sheet imported onto the
seeded map. Records data rows, seconds, rows per second and peak memory (the process's
peak resident size, and the peak the readers allocate, from tracemalloc in a separate,
untimed pass) in bench/field_sheets_results.json. Run against a scratch database: it puts
the seed back before and after.

    NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=... .venv/bin/python -m bench.field_sheets
"""

import asyncio
import json
import logging
import os
import resource
import time
import tracemalloc
from pathlib import Path
from typing import Any

from service.config import PROJECT_ROOT, get_settings
from service.db.driver import Database
from service.db.runtime import open_database
from service.editing.keys import Editor
from service.interchange.files import Upload, import_files
from service.interchange.hxl import SheetOptions
from service.interchange.sheets import read_sheet
from service.interchange.vocabulary import load_vocabulary
from service.seed.loader import load, prepare

HERE = Path(__file__).resolve().parent
SHEETS = PROJECT_ROOT.parent / "shared" / "real-files" / "3w"
BENCH = Editor("bench", "admin")
# The sheets with no country column and no P-codes: the country a user names for each.
COUNTRIES = {"ocha-niger-3w-2022.xlsx": "NER", "covid-viz--ocha-sdn-3w-2020.xlsx": "SDN"}


def _uploads() -> list[Upload]:
    return [Upload(p.name, p.read_bytes()) for p in sorted(SHEETS.iterdir()) if p.is_file()]


def _data_rows(upload: Upload) -> int:
    sheet = read_sheet(upload.name, upload.data, load_vocabulary(get_settings().seed_dir), None)
    return sum(any(c.strip() for c in row) for row in sheet.rows[sheet.first_data_row :])


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


async def _seed(db: Database) -> None:
    await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
    await load(db, prepare(get_settings().seed_dir), 5000)


async def _run(db: Database, uploads: list[Upload], *, dry_run: bool) -> tuple[float, Any]:
    settings = get_settings()
    start = time.perf_counter()
    report = await import_files(
        db,
        BENCH,
        uploads,
        settings.load_batch_size,
        vocabulary=load_vocabulary(settings.seed_dir),
        options=SheetOptions(countries=COUNTRIES),
        dry_run=dry_run,
    )
    return time.perf_counter() - start, report


async def _traced(db: Database, uploads: list[Upload]) -> float:
    """The most memory Python held at once during a dry run, in MB (tracemalloc slows the
    run, so this pass is not timed)."""
    tracemalloc.start()
    await _run(db, uploads, dry_run=True)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def _figures(rows: int, seconds: float, report: Any) -> dict[str, Any]:
    return {
        "data_rows": rows,
        "seconds": round(seconds, 2),
        "rows_per_second": round(rows / seconds),
        "records_created": report.created,
        "relationships_created": report.relationships_created,
        "left_out": len(report.skipped),
    }


async def main() -> None:
    logging.disable(logging.WARNING)
    uploads = _uploads()
    rows = {u.name: _data_rows(u) for u in uploads}
    largest = max(uploads, key=lambda u: rows[u.name])
    async with open_database(get_settings(), migrate_schema=True) as db:
        await _seed(db)
        try:
            await _run(db, uploads[:1], dry_run=True)  # warm: Neo4j plans its statements
            seconds, report = await _run(db, uploads, dry_run=True)
            together = {"files": len(uploads), **_figures(sum(rows.values()), seconds, report)}
            together["peak_rss_mb"] = _peak_rss_mb()
            together["python_peak_mb"] = await _traced(db, uploads)
            print(json.dumps(together), flush=True)
            seconds, report = await _run(db, [largest], dry_run=False)
            imported = {"file": largest.name, **_figures(rows[largest.name], seconds, report)}
            imported["peak_rss_mb"] = _peak_rss_mb()
            print(json.dumps(imported), flush=True)
        finally:
            await _seed(db)
    results = {
        "cores": os.cpu_count(),
        "dry_run_of_all_sheets": together,
        "import_of_the_largest": imported,
        "rows_by_file": rows,
    }
    (HERE / "field_sheets_results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    asyncio.run(main())
