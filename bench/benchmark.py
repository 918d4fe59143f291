"""Records load time and query latency in bench/results.json (see bench/README.md), on a
scratch Neo4j of its own (bench/scratch.py), so a long-used store's history never colours
the numbers."""

import asyncio
import json
import logging
import os
import statistics
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from bench.scratch import scratch_neo4j
from service.api.app import create_app
from service.config import get_settings
from service.db.runtime import open_database
from service.seed.loader import load, prepare

HERE = Path(__file__).resolve().parent
QUERIES = {
    "co-chairs of an action group": """{ actionGroup(id: "action-group:conflict-humanitarian-settings") {
        chairs { role organization { acronym } provenance { section source { title } } } } }""",
    "who is doing what where (country via region)": """{ whoIsDoingWhatWhere(where: {country: "HUN"}) {
        totalCount edges { node { organization { acronym } role initiative { name } matchedVia } } } }""",
    "nested organizations page (34 rows, 4 levels)": """{ organizations(first: 34) { edges { node {
        id sources { section } actionGroups { actionGroup { id chairs { organization { id } } } }
        initiatives { initiative { id themes { id } participants { organization { id } } } } } } } }""",
    "graph around the ILO, depth 2": """{ graph(focus: "organization:ilo", depth: 2) {
        nodes { id kind label } edges { source target type } } }""",
    "search": '{ search(text: "child labour", first: 10) { id score } }',
    # What the Alliance asked to follow up (issue 16).
    "GCG seats: person, seat, organization": """{ actionGroup(id: "action-group:global-coordinating-group") {
        seats { seat person { name } organization { acronym } provenance { section } } } }""",
    "pending and declined memberships": """{ memberships(standings: [PENDING, DECLINED, OBSERVER]) {
        standing since decision organization { acronym } body { id } } }""",
    "commitments overdue on a day": """{ commitments(filter: {overdueOn: "2026-12-01"}) {
        totalCount edges { node { id status statusSince due owners { id } madeBy { id } } } } }""",
    "child labour indicators in a country, latest value": """{ indicators(theme: "child-labour", country: "NGA") {
        id code latest(country: "NGA") { value dataYear level matched publisher edition source { id } } } }""",
    "evidence about a theme in a region": """{ sources(filter: {theme: "child-labour", region: "region:ilo-africa"}) {
        totalCount edges { node { id documentType evidenceAbout { id } } } } }""",
}


async def _loads() -> dict[str, float]:
    settings = get_settings()
    graph = prepare(settings.seed_dir)
    timings: dict[str, float] = {}
    async with open_database(settings, migrate_schema=True) as db:
        await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
        for label in ("first load (empty map)", "reload (no changes)"):
            start = time.perf_counter()
            await load(db, graph, settings.load_batch_size)
            timings[label] = round(time.perf_counter() - start, 3)
        timings["nodes"] = len(graph.nodes)
        timings["relationships"] = len(graph.links)
    return timings


def _latencies(runs: int = 30) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with TestClient(create_app()) as client:
        for label, query in QUERIES.items():
            client.post("/graphql", json={"query": query})  # warm the plan cache
            samples = []
            for _ in range(runs):
                start = time.perf_counter()
                body = client.post("/graphql", json={"query": query}).json()
                samples.append((time.perf_counter() - start) * 1000)
                assert "errors" not in body, body
            results[label] = {
                "median_ms": round(statistics.median(samples), 1),
                "p95_ms": round(sorted(samples)[int(runs * 0.95) - 1], 1),
                "cypher_round_trips": body["extensions"]["cypherRoundTrips"],
            }
    return results


def main() -> None:
    logging.disable(logging.INFO)
    with scratch_neo4j() as scratch:
        # The app and the loader read their settings from the environment: point it here.
        os.environ["NEO4J_URI"] = scratch.neo4j_uri
        os.environ["NEO4J_PASSWORD"] = scratch.neo4j_password.get_secret_value()
        get_settings.cache_clear()
        _measure()


def _measure() -> None:
    loads = asyncio.run(_loads())
    report = {
        "machine": {"cores": os.cpu_count()},
        "neo4j": "5.26 community, a fresh scratch server with its default memory settings",
        "seed_load_seconds": loads,
        "query_latency": _latencies(),
    }
    (HERE / "results.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
