"""Writing the seed to Neo4j: validate everything first, then merge every node and
relationship in batches, each batch a transaction of its own, so Neo4j holds one batch at
a time (a map of any size loads within the default heap). What each batch created and
what it replaced is kept; if a batch fails, every batch before it is undone, so a failure
half-way leaves the graph as it was. Running the load twice changes nothing."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog

from service.db.driver import Database, Transaction, batches
from service.domain.undo import Undo, note_changed
from service.errors import LoadFailed
from service.model.ids import REFERENCE_KINDS, kind_of
from service.seed.files import read_seed
from service.seed.graph import SeedGraph, build_graph

log = structlog.get_logger(__name__)
Progress = Callable[[int, int], None]


@dataclass
class LoadReport:
    nodes_created: int = 0
    nodes_updated: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    nodes: int = 0
    relationships: int = 0
    retired_left: int = 0

    @property
    def changed(self) -> bool:
        return any(
            (
                self.nodes_created,
                self.nodes_updated,
                self.relationships_created,
                self.relationships_updated,
            )
        )


def prepare(seed_dir: Path, *, reference_only: bool = False) -> SeedGraph:
    """The validated rows to load; raises SeedInvalid naming every problem. With
    `reference_only`, just the countries, regions and SDGs and the sources they cite: the
    layer every map has, onto which an exported map can be imported."""
    graph = build_graph(read_seed(seed_dir))
    return reference_layer(graph) if reference_only else graph


def reference_layer(graph: SeedGraph) -> SeedGraph:
    kept = {n.id for n in graph.nodes if kind_of(n.id) in REFERENCE_KINDS}
    kept |= {link.target_id for link in graph.links if link.source_id in kept}
    return SeedGraph(
        [n for n in graph.nodes if n.id in kept],
        [link for link in graph.links if link.source_id in kept and link.target_id in kept],
    )


async def load(
    db: Database, graph: SeedGraph, batch_size: int, progress: Progress | None = None
) -> LoadReport:
    """Nodes first, then relationships (which need their ends), batch by batch; all of it
    or, if a batch fails, none of it. Records an editor retired stay retired, with their
    relationships as they were. While a load runs, readers may see the batches written so
    far; if the loading process itself is killed, they stay."""
    ids = [n.id for n in graph.nodes]
    retired = {row["id"] for row in await db.read("seed/retired_ids", ids=ids)}
    nodes = [n.as_parameter() for n in graph.nodes if n.id not in retired]
    links = [
        link.as_parameter()
        for link in graph.links
        if link.source_id not in retired and link.target_id not in retired
    ]
    counts: dict[str, tuple[int, int]] = {}
    undo = Undo()
    total, done = len(nodes) + len(links), 0
    try:
        for query, rows in (("seed/merge_nodes", nodes), ("seed/merge_links", links)):
            created = updated = 0
            for batch in batches(rows, batch_size):
                async with db.transaction() as tx:
                    result = await _write(tx, query, list(batch))
                undo.add(_undo_of(query, result))
                created, updated = (
                    created + len(result["created"]),
                    updated + len(result["updated"]),
                )
                done += len(batch)
                if progress:
                    progress(done, total)
            counts[query] = (created, updated)
    except BaseException:
        await undo.run(db, batch_size)
        raise
    finally:
        await note_changed(db, undo.changed_ids())
    report = LoadReport(
        *counts["seed/merge_nodes"],
        *counts["seed/merge_links"],
        nodes=len(nodes),
        relationships=len(links),
        retired_left=len(retired),
    )
    log.info("seed_loaded", **report.__dict__)
    return report


def _undo_of(query: str, result: dict[str, Any]) -> Undo:
    if query == "seed/merge_nodes":
        return Undo(nodes_created=result["created"], nodes_updated=result["updated"])
    return Undo(links_created=result["created"], links_updated=result["updated"])


async def _write(tx: Transaction, name: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    result = (await tx.run(name, rows=rows))[0]
    if result["written"] != len(rows):
        raise LoadFailed(f"{name}: wrote {result['written']} of {len(rows)} rows; nothing was kept")
    return result
