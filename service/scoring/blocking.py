"""Which pairs of initiatives are compared at all ("blocking"), so the work grows with the
pairs that share something concrete rather than with the square of the map.

A pair is compared when
1. one is linked with, follows up or complements the other;
2. both are platforms on a theme they share;
3. they share an organization, a coordinating action group or a followed-up event,
   declaration or initiative behind at most SMALL_GROUP initiatives; or
4. their names and descriptions are alike by at least ALIKE_TEXT and they share either
   such a group behind more initiatives, or a block: a place short of the world (or, for
   two initiatives placed nowhere narrower, none), a theme and a kind of work.
Sharing a country, a theme and a kind of work is context, not evidence, once the map holds
thousands of initiatives (at 50,000 generated ones, 2.7 million pairs share one), and so is
sharing an organization that leads thousands of them: with unlike texts such pairs are not
compared.

Whether a pair is compared depends on its two profiles and the sizes of the groups they
share, never on other initiatives' texts, so the pairs of one initiative can be found
again after it changes (`involving`) and equal those of a run over the whole map."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from service.scoring.overlap import PLATFORM, WORLD, Profile
from service.scoring.text import TextVectors

SMALL_GROUP = 100
ALIKE_TEXT = 0.1
# Pairs whose text similarity is computed in one go: bounds the memory of field-scale runs.
CHUNK = 400_000


@dataclass(frozen=True)
class Candidate:
    a: str
    b: str
    text: float  # the pair's text similarity (service/scoring/text.py)


def block_keys(p: Profile) -> Iterator[tuple[str, str, str]]:
    places = sorted(p.places - {WORLD}) or [""]
    for place in places:
        for theme in sorted(p.themes):
            for work in sorted(p.work):
                yield place, theme, work


def _groups(profiles: Iterable[Profile]) -> dict[tuple[str, str], list[str]]:
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in profiles:
        for kind, members in (
            ("organization", p.organizations),
            ("action-group", p.action_groups),
            ("origin", p.follows),
        ):
            for member in members:
                groups[kind, member].append(p.id)
    return groups


def _sure_pairs(
    profiles: dict[str, Profile], groups: dict[tuple[str, str], list[str]]
) -> set[tuple[str, str]]:
    """Rules 1-3: compared whatever their texts."""
    sure: set[tuple[str, str]] = set()
    for p in profiles.values():
        for other in p.linked | p.complements:
            if other in profiles and other != p.id:
                sure.add((min(p.id, other), max(p.id, other)))
    platforms: dict[str, list[str]] = defaultdict(list)
    for p in profiles.values():
        if p.kind == PLATFORM:
            for theme in p.themes:
                platforms[theme].append(p.id)
    small = [m for m in groups.values() if len(m) <= SMALL_GROUP]
    for members in [*platforms.values(), *small]:
        sure.update(combinations(sorted(set(members)), 2))
    return sure


def candidates(
    profiles: dict[str, Profile], texts: TextVectors, involving: set[str] | None = None
) -> list[Candidate]:
    """The pairs to compare among `profiles` (each a < b), with their text similarity;
    with `involving`, only pairs with at least one of those initiatives. `profiles` must
    hold every initiative sharing a group with `involving`, to know the group's size."""
    groups = _groups(profiles.values())
    sure = _sure_pairs(profiles, groups)
    blocks: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for p in profiles.values():
        for key in block_keys(p):
            blocks[key].append(p.id)
    wide = [m for m in groups.values() if len(m) > SMALL_GROUP]
    row = texts.row
    arrays = [_pair_rows(members, row, involving) for members in [*blocks.values(), *wide]]
    sure_codes = _rows_of(sure, row, involving)
    codes = np.unique(np.concatenate([*arrays, sure_codes]))
    size = np.int64(len(texts.ids))
    found = []
    for start in range(0, len(codes), CHUNK):
        chunk = codes[start : start + CHUNK]
        left, right = chunk // size, chunk % size
        alike = texts.similarities(left, right)
        keep = (alike >= ALIKE_TEXT) | np.isin(chunk, sure_codes)
        for a, b, similarity in zip(left[keep], right[keep], alike[keep], strict=True):
            found.append(Candidate(texts.ids[a], texts.ids[b], float(similarity)))
    return found


def _pair_rows(members: list[str], row: dict[str, int], involving: set[str] | None) -> np.ndarray:
    """Every pair among `members` as one int64 code (row of a, times rows, plus row of b)."""
    if len(members) < 2:
        return np.zeros(0, np.int64)
    ordered = sorted(set(members), key=row.__getitem__)
    rows = np.array([row[m] for m in ordered], np.int64)
    i, j = np.triu_indices(len(rows), 1)
    left, right = rows[i], rows[j]
    if involving is not None:
        mask = np.array([m in involving for m in ordered])
        keep = mask[i] | mask[j]
        left, right = left[keep], right[keep]
    return left * len(row) + right


def _rows_of(
    pairs: set[tuple[str, str]], row: dict[str, int], involving: set[str] | None
) -> np.ndarray:
    kept = [
        row[a] * len(row) + row[b]
        for a, b in pairs
        if involving is None or a in involving or b in involving
    ]
    return np.array(kept, np.int64)
