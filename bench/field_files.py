"""How long the field's own files take to preview and import: each 3W sheet and IATI file
of the sample beside the project (`../shared/real-files/`) is previewed (a dry run, nothing
written) and imported onto a map holding the seed, then imported again (nothing changes).
Records rows, records created and seconds in bench/field_files_results.json. Run against a
scratch database: it empties the map, and puts the seed back at the end."""

import asyncio
import json
import logging
import time
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
REAL = PROJECT_ROOT.parent / "shared" / "real-files"
BENCH = Editor("bench", "admin")
# Each file, and the country a one-country sheet is about.
FILES = {
    "3w/ocha-rowca-3w-hxl.csv": None,
    "3w/libhxl-sample-hxl.csv": None,
    "3w/ocha-niger-3w-2022.xlsx": "NER",
    "3w/ocha-libya-3w-2021.xlsx": "LBY",
    "3w/ocha-cameroon-5w-2021.xlsx": "CMR",
    "iati/dfid-drc-1.01.xml": None,
    "iati/maec-spain-indonesia-2.01.xml": None,
    "iati/iati-standard-example-2.03.xml": None,
    "iati/syria-relief-2.03.xml": None,
}


async def _seed(db: Database) -> None:
    await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
    await load(db, prepare(get_settings().seed_dir), 5000)


async def _one(db: Database, name: str, country: str | None) -> dict[str, Any]:
    settings = get_settings()
    vocabulary = load_vocabulary(settings.seed_dir)
    data = (REAL / name).read_bytes()
    upload = [Upload(Path(name).name, data)]
    options = SheetOptions(country)
    rows = None
    if name.startswith("3w/"):
        sheet = read_sheet(Path(name).name, data, vocabulary, None)
        rows = len(sheet.rows) - sheet.first_data_row

    async def run(dry_run: bool) -> tuple[float, Any]:
        start = time.perf_counter()
        report = await import_files(
            db,
            BENCH,
            upload,
            settings.load_batch_size,
            vocabulary=vocabulary,
            options=options,
            dry_run=dry_run,
        )
        return time.perf_counter() - start, report

    await _seed(db)
    preview_s, preview = await run(True)
    import_s, report = await run(False)
    again_s, again = await run(False)
    return {
        "file": name,
        "rows": rows,
        "created": report.created,
        "relationships_created": report.relationships_created,
        "left_out": len(report.skipped),
        "preview_seconds": round(preview_s, 2),
        "import_seconds": round(import_s, 2),
        "reimport_seconds": round(again_s, 2),
        "preview_matched_import": preview == report,
        "reimport_changed_nothing": again.created + again.updated == 0,
    }


async def main() -> None:
    logging.disable(logging.WARNING)
    results = []
    async with open_database(get_settings(), migrate_schema=True) as db:
        try:
            for name, country in FILES.items():
                found = await _one(db, name, country)
                print(json.dumps(found), flush=True)
                results.append(found)
        finally:
            await _seed(db)
    (HERE / "field_files_results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    asyncio.run(main())
