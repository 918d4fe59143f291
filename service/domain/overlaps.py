"""Initiatives that look like the same work: the stored scored pairs (kept up to date by
service/domain/overlap_store.py), filtered, and grouped into clusters of likely
duplicates."""

from dataclasses import dataclass
from datetime import date

import networkx as nx

from service.db.driver import Database
from service.domain import overlap_reviews, overlap_store
from service.domain.filters import map_id, require_existing
from service.domain.overlap_reviews import ReviewVerdict
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
    # The secretariat's review of the pair, if any, and whether both initiatives are still
    # what it saw (a pair whose review is current is left out unless asked for).
    review: overlap_reviews.Review | None = None
    review_current: bool = False


@dataclass(frozen=True)
class Cluster:
    initiatives: list[MapRecord]
    pairs: list[ScoredPair]


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
    leave_out_related: bool = False,
    include_reviewed: bool = True,
    as_of: date | None = None,
    limit: int = 2**62,
) -> list[ScoredPair]:
    """Stored pairs scoring at least `min_score`, best first; pairs the scoring finds
    unrelated (sharing only context) only when asked for; pairs whose review is current
    left out unless `include_reviewed`. With `as_of`, only work that had not ended by that
    day is compared (None: all of it, whenever it ran)."""
    theme_id = map_id("theme", theme) if theme else None
    place_id = country_id(country) if country else None
    await require_existing(db, {k: v for k, v in (("theme", theme_id), ("country", place_id)) if v})
    generation = await overlap_store.current_generation(db)
    reviewed = await overlap_reviews.reviews(db)
    rows = await db.read(
        "overlaps/stored",
        generation=generation,
        minScore=min_score,
        includeUnrelated=include_unrelated,
        leaveOutRelated=leave_out_related,
        asOf=as_of,
        theme=theme_id,
        country=place_id,
        # Enough rows that the page is still full once the reviewed pairs are left out.
        limit=min(limit + (0 if include_reviewed else len(reviewed)), 2**62),
    )
    pairs = [(row["a"], row["b"]) for row in rows]
    profiles = await overlap_store.profiles_of(db, (i for pair in pairs for i in pair))
    found = []
    for row, result in zip(rows, overlap_store.explained(profiles, pairs), strict=True):
        review = reviewed.get(overlap_reviews.pair_key(row["a"], row["b"]))
        current = review is not None and review.current(profiles)
        if current and not include_reviewed:
            continue
        a, b = MapRecord(row["a"], row["aProps"]), MapRecord(row["b"], row["bProps"])
        found.append(ScoredPair(a, b, result, review, current))
    return found[:limit]


async def overlaps(
    db: Database,
    min_score: float,
    theme: str | None,
    country: str | None,
    limit: int,
    *,
    include_unrelated: bool = False,
    include_reviewed: bool = False,
    as_of: date | None = None,
) -> list[ScoredPair]:
    """The pairs worth a look among work not ended by `as_of` (default today): pairs the
    secretariat has reviewed leave the list until one of their initiatives changes."""
    _check_score(min_score)
    _check_limit(limit)
    return await scored_pairs(
        db,
        min_score,
        theme,
        country,
        include_unrelated=include_unrelated,
        include_reviewed=include_reviewed,
        as_of=as_of or date.today(),
        limit=limit,
    )


async def duplicate_clusters(
    db: Database, min_score: float, as_of: date | None = None
) -> list[Cluster]:
    """Groups of initiatives joined by overlaps at or above `min_score` among work not
    ended by `as_of` (default today), largest first."""
    _check_score(min_score)
    # Parts of one whole are not duplicates: they do not join a cluster; nor does a pair
    # the secretariat found complementary or not related, while its review is current.
    pairs = [
        p
        for p in await scored_pairs(
            db, min_score, as_of=as_of or date.today(), leave_out_related=True
        )
        if not (p.review_current and p.review and p.review.verdict is not ReviewVerdict.DUPLICATE)
    ]
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
