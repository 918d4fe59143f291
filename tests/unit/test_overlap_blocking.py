"""Text similarity with fixed word rarity, and which pairs are compared at all."""

from dataclasses import replace

import numpy as np

from service.scoring import blocking, text
from service.scoring.overlap import Profile
from tests.unit.profiles import profile


def _similarity(vectors: text.TextVectors, a: str, b: str) -> float:
    row = vectors.row
    return float(vectors.similarities(np.array([row[a]]), np.array([row[b]]))[0])


TEXTS = {
    "a": "Mapping child labour in cocoa farms of Ghana",
    "b": "A mapping of child labour on cocoa farms in Ghana",
    "c": "Legal aid for survivors of trafficking at sea",
}


def test_text_similarity_is_tf_idf_cosine() -> None:
    vectors = text.vectors(TEXTS)
    assert _similarity(vectors, "a", "b") > 0.8
    assert _similarity(vectors, "a", "c") == 0.0


def test_a_pairs_similarity_does_not_depend_on_the_other_texts() -> None:
    """What lets stored scores be updated one initiative at a time."""
    alone = _similarity(text.vectors({k: TEXTS[k] for k in "ab"}), "a", "b")
    more = {**TEXTS, "d": "Cocoa cooperatives and mapping tools for farms, many of them"}
    assert _similarity(text.vectors(more), "a", "b") == alone


def test_the_fields_own_words_weigh_less_than_rare_ones() -> None:
    rarity = text.rarity()
    assert rarity.idf("labour") < rarity.idf("cocoa")
    assert rarity.idf("a-word-the-seed-never-uses") >= rarity.idf("cocoa")


PLACE = {
    "places": frozenset({"country:GHA"}),
    "themes": frozenset({"theme:child-labour"}),
    "work": frozenset({"research"}),
}


def _pairs(profiles: list[Profile], involving: set[str] | None = None) -> set[tuple[str, str]]:
    found = blocking.candidates(
        {p.id: p for p in profiles}, text.vectors({p.id: p.text for p in profiles}), involving
    )
    return {(c.a, c.b) for c in found}


def test_sharing_a_place_theme_and_work_needs_alike_texts() -> None:
    a = profile("a", TEXTS["a"], **PLACE)
    b = profile("b", TEXTS["b"], **PLACE)
    c = profile("c", TEXTS["c"], **PLACE)
    assert _pairs([a, b, c]) == {("a", "b")}


def test_a_small_shared_organization_is_compared_whatever_the_texts() -> None:
    org = {"organizations": frozenset({"organization:x"})}
    a, c = profile("a", TEXTS["a"], **org), profile("c", TEXTS["c"], **org)
    assert _pairs([a, c]) == {("a", "c")}


def test_an_organization_behind_many_initiatives_counts_only_with_alike_texts() -> None:
    org = {"organizations": frozenset({"organization:big"})}
    many = [profile(f"x{n:03}", f"topic{n} subject{n}", **org) for n in range(blocking.SMALL_GROUP)]
    a, b = profile("a", TEXTS["a"], **org), profile("b", TEXTS["b"], **org)
    found = _pairs([a, b, *many])
    assert ("a", "b") in found
    assert ("x000", "x001") not in found


def test_pairs_of_one_initiative_equal_those_of_the_whole_run() -> None:
    profiles = [
        profile("a", TEXTS["a"], **PLACE),
        profile("b", TEXTS["b"], **PLACE),
        profile("c", TEXTS["c"], organizations=frozenset({"organization:x"})),
        replace(
            profile("d", "Cocoa mapping in Ghana", **PLACE),
            organizations=frozenset({"organization:x"}),
        ),
    ]
    whole = _pairs(profiles)
    assert _pairs(profiles, {"d"}) == {p for p in whole if "d" in p}
    assert ("c", "d") in whole
    assert ("a", "d") in whole
