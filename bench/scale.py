"""The map at field scale: the seed plus N generated initiatives (default 80,000: about
100,000 nodes and 550,000 relationships) loaded into a Neo4j of its own with the default
1 GB heap (the project's local server, in a temporary folder on a free port), then the
analyses and lists a user waits for, through the GraphQL schema in-process. Records the
numbers in scale_results.json (see bench/README.md).

    .venv/bin/python -m bench.scale [INITIATIVES]
"""

import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import strawberry

from bench.scratch import scratch_neo4j
from service.api.graphql.context import Context
from service.api.graphql.schema import build_schema
from service.config import Settings
from service.db.driver import Database
from service.db.runtime import open_database
from service.seed import synthetic
from service.seed.loader import load, prepare

HERE = Path(__file__).resolve().parent
REPEAT = 10
QUESTIONS = {
    "whoIsDoingWhatWhere, 50 rows (forced labour, India)": """{ whoIsDoingWhatWhere(
        where: { theme: "theme:forced-labour", country: "IND" }, first: 50) { totalCount
        edges { node { organization { id name } role initiative { id name } matched } } } }""",
    "whoIsDoingWhatWhere, 50 rows (whole map)": """{ whoIsDoingWhatWhere(first: 50) {
        totalCount edges { node { organization { id } initiative { id } } } } }""",
    "organizationRanking, DEGREE (stored)": """{ organizationRanking(metric: DEGREE, limit: 20) {
        organization { id } degree betweenness sample stale } }""",
    "organizationRanking, BETWEENNESS (stored)": """{ organizationRanking(metric: BETWEENNESS,
        limit: 20) { organization { id } betweenness } }""",
    "coverage by country (forced labour)": """{ coverage(theme: "theme:forced-labour",
        level: COUNTRY) { place { ... on Country { id } } gapScore } }""",
    "aggregate by country (whole map)": """{ aggregate(by: [COUNTRY]) { group { value label }
        initiatives organizations peopleReached funding { currency amount } } }""",
    "aggregate by theme and status (whole map)": """{ aggregate(by: [THEME, STATUS]) {
        group { value } initiatives organizations } }""",
    "aggregate by country, forced labour only": """{ aggregate(by: [COUNTRY],
        filter: { theme: "theme:forced-labour" }) { group { value } initiatives organizations } }""",
}


async def _heap_used_mb(settings: Settings) -> float | None:
    """The server's heap in use now, from its JMX bean, if the server lets us read it."""
    async with open_database(settings, migrate_schema=False) as db:
        try:
            rows = await db.driver.execute_query(
                "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes "
                "RETURN attributes.HeapMemoryUsage.value.properties.used AS used"
            )
        except Exception:  # a server without JMX access: not recorded
            return None
        return round(rows.records[0]["used"] / 2**20, 1)


async def _measure(settings: Settings, initiatives: int) -> dict[str, Any]:
    made = synthetic.generate(initiatives).graph
    seed = prepare(settings.seed_dir)
    record: dict[str, Any] = {
        "initiatives_generated": initiatives,
        "nodes": len(seed.nodes) + len(made.nodes),
        "relationships": len(seed.links) + len(made.links),
    }
    async with open_database(settings, migrate_schema=True) as db:
        await load(db, seed, batch_size=settings.load_batch_size)
        started = time.perf_counter()
        await load(db, made, batch_size=5000)
        seconds = time.perf_counter() - started
    print(f"loaded in {seconds:.1f} s", file=sys.stderr, flush=True)
    record["load_s"] = round(seconds, 1)
    record["load_records_per_s"] = round((len(made.nodes) + len(made.links)) / seconds)
    record["heap_used_after_load_mb"] = await _heap_used_mb(settings)
    schema = build_schema(settings)
    async with open_database(settings, migrate_schema=False) as db:
        first_started = time.perf_counter()
        result = await schema.execute(
            "{ organizationRanking(limit: 1) { sample } }", context_value=Context(db, settings)
        )
        assert not result.errors, result.errors
        record["organizationRanking first computed_s"] = round(
            time.perf_counter() - first_started, 2
        )
        for name, query in QUESTIONS.items():
            times = []
            for _ in range(REPEAT + 1):
                started = time.perf_counter()
                result = await schema.execute(query, context_value=Context(db, settings))
                times.append((time.perf_counter() - started) * 1000)
                assert not result.errors, (name, result.errors)
            # The first ask computes what later asks may find kept (aggregates: until the
            # map changes, service/domain/kept.py), so it is recorded apart.
            record[f"{name} first_ms"] = round(times[0], 1)
            record[f"{name} p50_ms"] = round(statistics.median(times[1:]), 1)
            print(f"{name}: p50 {record[f'{name} p50_ms']} ms", file=sys.stderr, flush=True)
            if name.startswith("aggregate"):
                record[f"{name} after a change p50_ms"] = await _after_a_change(
                    db, schema, settings, query
                )
    return record


async def _after_a_change(
    db: Database, schema: strawberry.Schema, settings: Settings, query: str
) -> float:
    """What an answer kept until the map changes costs once it has: each ask follows a
    write (a new map revision), so nothing kept is given."""
    times = []
    for _ in range(5):
        await db.write("maintenance/revise")
        started = time.perf_counter()
        result = await schema.execute(query, context_value=Context(db, settings))
        times.append((time.perf_counter() - started) * 1000)
        assert not result.errors, result.errors
    return round(statistics.median(times), 1)


def main(initiatives: int) -> None:
    with scratch_neo4j(local_neo4j_heap="1g") as settings:
        result = asyncio.run(_measure(settings, initiatives))
    record = {"cores": os.cpu_count(), "heap": "1g", **result}
    (HERE / "scale_results.json").write_text(json.dumps(record, indent=2) + "\n")
    print(json.dumps(record, indent=2))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 80_000)
