"""How long export and import take as the map grows: the seed plus 1,000 to 50,000
generated initiatives (with their organizations) is exported as the map's JSON, imported
into a map holding only the reference layer, and imported again (nothing changes). Runs on
a scratch Neo4j of its own with the default 1 GB heap, so it also shows that an import of
any of these sizes fits it (imports are written a batch per transaction). Records the
times in bench/interchange_results.json."""

import asyncio
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

from bench.scratch import scratch_neo4j
from service.config import Settings, get_settings
from service.db.driver import Database
from service.db.runtime import open_database
from service.editing.keys import Editor
from service.interchange.export import export_map
from service.interchange.files import Upload, import_files
from service.interchange.vocabulary import load_vocabulary
from service.interchange.writers import render
from service.seed import synthetic
from service.seed.loader import load, prepare

HERE = Path(__file__).resolve().parent
SIZES = [1_000, 10_000, 50_000]
HEAP = "1g"
BENCH = Editor("bench", "admin")
VOCABULARY = load_vocabulary(get_settings().seed_dir)
# Generated records cite nothing, and their relationships no section of the report they
# cite; an import needs both, so they are given this citation.
CITATION = {"source": "source:gcg-2017-report", "section": "Agenda", "note": "Generated."}


async def _reset(db: Database, *, reference_only: bool = False) -> None:
    settings = get_settings()
    await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
    await load(db, prepare(settings.seed_dir, reference_only=reference_only), 5000)


async def _one(db: Database, size: int) -> dict[str, Any]:
    await _reset(db)
    await load(db, synthetic.generate(size).graph, batch_size=5000)
    start = time.perf_counter()
    data = render(await export_map(db), "json", get_settings())
    exported = time.perf_counter()
    files = json.loads(data)
    for name, records in files.items():
        for record in records:
            if name != "sources" and not record.get("section"):
                record.update(CITATION)
    upload = [Upload("map.json", json.dumps(files).encode())]
    await _reset(db, reference_only=True)
    before = time.perf_counter()
    first = await import_files(
        db, BENCH, upload, get_settings().load_batch_size, vocabulary=VOCABULARY
    )
    imported = time.perf_counter()
    again = await import_files(
        db, BENCH, upload, get_settings().load_batch_size, vocabulary=VOCABULARY
    )
    done = time.perf_counter()
    return {
        "generated_initiatives": size,
        "records": first.created,
        "relationships": first.relationships_created,
        "export_json_seconds": round(exported - start, 2),
        "export_bytes": len(data),
        "import_seconds": round(imported - before, 2),
        "reimport_unchanged_seconds": round(done - imported, 2),
        "reimport_changed_nothing": again.created + again.updated == 0
        and again.relationships_created + again.relationships_updated == 0,
    }


async def _run(settings: Settings, sizes: list[int]) -> list[dict[str, Any]]:
    results = []
    async with open_database(settings, migrate_schema=True) as db:
        for size in sizes:
            results.append(await _one(db, size))
            print(results[-1], flush=True)
    return results


def main(sizes: list[int]) -> None:
    logging.disable(logging.WARNING)
    with scratch_neo4j(local_neo4j_heap=HEAP) as settings:
        results = asyncio.run(_run(settings, sizes))
    (HERE / "interchange_results.json").write_text(
        json.dumps({"heap": HEAP, "results": results}, indent=2) + "\n"
    )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or SIZES)
