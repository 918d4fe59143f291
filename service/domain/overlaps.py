"""Initiatives that look like the same work: candidate pairs blocked in Cypher, scored in
Python (service/scoring/overlap.py), and grouped into clusters of likely duplicates."""

from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from service.db.driver import Database
from service.domain.filters import map_id, require_existing
from service.errors import BadInput
from service.model.ids import country_id
from service.model.records import MapRecord
from service.scoring import overlap as scoring

MAX_LIMIT = 500


@dataclass(frozen=True)
class ScoredPair:
    a: MapRecord
    b: MapRecord
    overlap: scoring.Overlap


@dataclass(frozen=True)
class Cluster:
    initiatives: list[MapRecord]
    pairs: list[ScoredPair]


def _profile(row: dict[str, Any]) -> scoring.Profile:
    props = row["props"]
    return scoring.Profile(
        id=row["id"],
        text=f"{props.get('name', '')}. {props.get('description') or ''}",
        places=frozenset(row["places"]),
        around=frozenset(row["around"]),
        themes=frozenset(row["themes"]),
        targets=frozenset(row["targets"]),
        organizations=frozenset(row["organizations"]),
        action_groups=frozenset(row["actionGroups"]),
        linked=frozenset(row["linked"]),
        follows=frozenset(row["follows"]),
        complements=frozenset(row["complements"]),
        kind=props.get("kind") or "",
        work=frozenset(props.get("work") or []),
        start=_date(props.get("start_on")),
        end=_date(props.get("end_on")),
    )


def _date(value: Any) -> date | None:
    return None if value is None else date(value.year, value.month, value.day)


def _check_score(min_score: float) -> None:
    if not 0 <= min_score <= 1:
        raise BadInput(f"minScore: must be between 0 and 1, not {min_score}")


def _check_limit(limit: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"limit: must be between 1 and {MAX_LIMIT}, not {limit}")


async def scored_pairs(
    db: Database,
    min_score: float,
    theme: str | None = None,
    country: str | None = None,
    *,
    include_unrelated: bool = False,
    as_of: date | None = None,
) -> list[ScoredPair]:
    """Every candidate pair scoring at least `min_score`, best first; pairs the scoring
    finds unrelated (sharing only context) only when asked for. With `as_of`, only work
    that had not ended by that day is compared (None: all of it, whenever it ran)."""
    theme_id = map_id("theme", theme) if theme else None
    place_id = country_id(country) if country else None
    await require_existing(db, {k: v for k, v in (("theme", theme_id), ("country", place_id)) if v})
    pairs = await db.read("overlaps/candidates", theme=theme_id, country=place_id, asOf=as_of)
    ids = sorted({row["a"] for row in pairs} | {row["b"] for row in pairs})
    rows = await db.read("overlaps/profiles", ids=ids) if ids else []
    profiles = {row["id"]: _profile(row) for row in rows}
    records = {row["id"]: MapRecord.from_row(row) for row in rows}
    keys = [(row["a"], row["b"]) for row in pairs]
    texts = scoring.description_similarities(profiles, keys)
    found = []
    for (a, b), description in zip(keys, texts, strict=True):
        result = scoring.score(profiles[a], profiles[b], description)
        unrelated = result.verdict == scoring.UNRELATED
        if result.score >= min_score and (include_unrelated or not unrelated):
            found.append(ScoredPair(records[a], records[b], result))
    return sorted(found, key=lambda p: (-p.overlap.score, p.a.id, p.b.id))


async def overlaps(
    db: Database,
    min_score: float,
    theme: str | None,
    country: str | None,
    limit: int,
    *,
    include_unrelated: bool = False,
    as_of: date | None = None,
) -> list[ScoredPair]:
    """The pairs worth a look among work not ended by `as_of` (default today)."""
    _check_score(min_score)
    _check_limit(limit)
    found = await scored_pairs(
        db,
        min_score,
        theme,
        country,
        include_unrelated=include_unrelated,
        as_of=as_of or date.today(),
    )
    return found[:limit]


async def duplicate_clusters(
    db: Database, min_score: float, as_of: date | None = None
) -> list[Cluster]:
    """Groups of initiatives joined by overlaps at or above `min_score` among work not
    ended by `as_of` (default today), largest first."""
    _check_score(min_score)
    found = await scored_pairs(db, min_score, as_of=as_of or date.today())
    # Parts of one whole are not duplicates: they do not join a cluster.
    pairs = [p for p in found if p.overlap.verdict != scoring.RELATED]
    graph: nx.Graph[str] = nx.Graph()
    for pair in pairs:
        graph.add_edge(pair.a.id, pair.b.id, pair=pair)
    records = {p.a.id: p.a for p in pairs} | {p.b.id: p.b for p in pairs}
    clusters = []
    for members in nx.connected_components(graph):
        inside = [data["pair"] for _, _, data in graph.subgraph(members).edges(data=True)]
        clusters.append(
            Cluster(
                [records[i] for i in sorted(members)],
                sorted(inside, key=lambda p: -p.overlap.score),
            )
        )
    return sorted(clusters, key=lambda c: (-len(c.initiatives), c.initiatives[0].id))
