"""Coordination suggestions: pairs of organizations that work on the same theme in the
same place (a country or a region their initiatives operate in) and have no tie on the
map (no initiative they both take part in, no Alliance body they both belong to), ranked
with their reasons. The secretariat's question: who should know of each other and does
not yet. The ranking counts the theme-and-place pairs both work on, and adds a bonus where
their roles complement each other there (one funds what the other could implement) and a
smaller one for each group of people both count as targeted or reached there (children,
women...; their 3W counts). A suggestion is a hint from the map as recorded: two
organizations with no tie on the map may well know each other, so the secretariat
reviews a pair (introduced, already connected, not useful; service/editing/
suggestion_reviews.py) and a reviewed pair is not suggested again."""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from enum import Enum
from itertools import combinations

from service.db.driver import Database
from service.domain.filters import map_id, require_existing
from service.errors import BadInput
from service.model.ids import country_id
from service.model.relationships import GROUP_ROLES, INITIATIVE_ROLES

MAX_FIRST = 200
# A theme in a place where this many organizations work yields no pairs by itself: the
# pairs would grow as its square, and a place that crowded needs its coordination
# meeting more than pairwise hints (docs/analyses.md says so).
CROWDED = 60
FUNDING = "FUNDS"
DOING = frozenset({"LEADS", "IMPLEMENTS", "PARTNERS_IN"})
COMPLEMENT_BONUS = 0.5
GROUP_BONUS = 0.25
# The people counts that name a group (targeted_children, reached_women...); the totals
# (targeted, reached) name everyone, which is no group.
_GROUP_COUNT = ("targeted_", "reached_")


@dataclass
class _Works:
    name: str
    initiatives: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    # (theme, place) -> the roles it holds in initiatives there
    cells: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    # (theme, place) -> the groups of people its initiatives there count
    groups_reached: dict[tuple[str, str], set[str]] = field(
        default_factory=lambda: defaultdict(set)
    )


class SuggestionVerdict(Enum):
    INTRODUCED = "INTRODUCED"  # the secretariat put them in touch
    ALREADY_CONNECTED = "ALREADY_CONNECTED"  # they work together off the map
    NOT_USEFUL = "NOT_USEFUL"


@dataclass(frozen=True)
class SuggestionReview:
    verdict: SuggestionVerdict
    reason: str
    reviewed_at: str


@dataclass(frozen=True)
class Suggestion:
    a: str
    b: str
    a_name: str
    b_name: str
    score: float
    shared_themes: tuple[str, ...]
    shared_places: tuple[str, ...]
    complementary: tuple[str, ...]  # "a funds, b implements in country:X on theme:Y"
    target_groups: tuple[str, ...]  # "both reach children on theme:Y in country:X"
    reasons: tuple[str, ...]
    review: SuggestionReview | None = None


async def suggestions(
    db: Database,
    theme: str | None = None,
    country: str | None = None,
    first: int = 50,
    *,
    include_reviewed: bool = False,
) -> list[Suggestion]:
    """The best `first` pairs with no tie between them, best first; pairs the secretariat
    has reviewed only with `include_reviewed` (each with its review)."""
    if not 1 <= first <= MAX_FIRST:
        raise BadInput(f"first: must be between 1 and {MAX_FIRST}, not {first}")
    theme_id = map_id("theme", theme) if theme else None
    place_id = country_id(country) if country else None
    await require_existing(db, {k: v for k, v in (("theme", theme_id), ("country", place_id)) if v})
    works = await _works(db)
    cells: dict[tuple[str, str], set[str]] = defaultdict(set)
    for org, work in works.items():
        for cell in work.cells:
            if (theme_id is None or cell[0] == theme_id) and (
                place_id is None or cell[1] == place_id
            ):
                cells[cell].add(org)
    shared: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for cell, orgs in cells.items():
        if len(orgs) < CROWDED:
            for a, b in combinations(sorted(orgs), 2):
                shared[(a, b)].add(cell)
    reviewed = await reviews(db)
    found = [
        replace(_suggestion(a, b, works, cells_), review=reviewed.get((a, b)))
        for (a, b), cells_ in shared.items()
        if _untied(works[a], works[b]) and (include_reviewed or (a, b) not in reviewed)
    ]
    return sorted(found, key=lambda s: (-s.score, s.a, s.b))[:first]


async def reviews(db: Database) -> dict[tuple[str, str], SuggestionReview]:
    """The secretariat's reviews of suggestions, by the pair's two ids in order."""
    rows = await db.read("analysis/suggestion_reviews")
    return {
        (row["a"], row["b"]): SuggestionReview(
            SuggestionVerdict(row["verdict"]), row["reason"], row["reviewedAt"]
        )
        for row in rows
    }


async def _works(db: Database) -> dict[str, _Works]:
    rows = await db.read(
        "analysis/coordination_work", roles=list(INITIATIVE_ROLES), groupRoles=list(GROUP_ROLES)
    )
    works: dict[str, _Works] = {}
    for row in rows:
        work = works.setdefault(row["organization"], _Works(row["name"] or row["organization"]))
        if row["group"] is not None:
            work.groups.add(row["group"])
            continue
        work.initiatives.add(row["initiative"])
        for theme in row["themes"]:
            for place in row["places"]:
                work.cells[(theme, place)].add(row["role"])
            for reached in row["reaches"]:
                groups = {
                    k.split("_", 1)[1].replace("_", " ")
                    for k in reached["counts"]
                    if k.startswith(_GROUP_COUNT)
                }
                work.groups_reached[(theme, reached["place"])] |= groups
    return works


def _untied(a: _Works, b: _Works) -> bool:
    return not (a.initiatives & b.initiatives or a.groups & b.groups)


def _suggestion(
    a: str, b: str, works: dict[str, _Works], cells: set[tuple[str, str]]
) -> Suggestion:
    themes = sorted({t for t, _ in cells})
    places = sorted({c for _, c in cells})
    complementary = []
    for theme, place in sorted(cells):
        roles_a, roles_b = works[a].cells[(theme, place)], works[b].cells[(theme, place)]
        for funder, doer, doer_roles in ((a, b, roles_b), (b, a, roles_a)):
            funder_roles = roles_a if funder == a else roles_b
            if FUNDING in funder_roles and doer_roles & DOING:
                complementary.append(
                    f"{funder} funds and {doer} carries out work on {theme} in {place}"
                )
    target_groups = []
    for theme, place in sorted(cells):
        common = works[a].groups_reached[(theme, place)] & works[b].groups_reached[(theme, place)]
        if common:
            target_groups.append(f"both reach {', '.join(sorted(common))} on {theme} in {place}")
    score = len(cells) + COMPLEMENT_BONUS * len(complementary) + GROUP_BONUS * len(target_groups)
    reasons = (
        f"both work on {', '.join(themes)} in {', '.join(places)}",
        "no initiative or Alliance body of the map joins them",
        *complementary,
        *target_groups,
    )
    return Suggestion(
        a,
        b,
        works[a].name,
        works[b].name,
        score,
        tuple(themes),
        tuple(places),
        tuple(complementary),
        tuple(target_groups),
        reasons,
    )
