from datetime import date

import pytest

from service.scoring import coverage, overlap
from tests.unit.profiles import profile


def test_weights_sum_to_one_and_thresholds_are_ordered() -> None:
    assert sum(overlap.WEIGHTS.values()) == pytest.approx(1.0)
    assert 0 < overlap.REVIEW_MIN_SCORE < overlap.DUPLICATE_MIN_SCORE < 1


def test_identical_initiatives_score_one_with_every_reason() -> None:
    facets = {
        "places": frozenset({"country:KHM"}),
        "themes": frozenset({"theme:child-labour"}),
        "targets": frozenset({"sdg-target:8.7"}),
        "organizations": frozenset({"o:1"}),
        "work": frozenset({"mapping"}),
        "start": date(2017, 1, 1),
        "end": date(2018, 1, 1),
    }
    result = overlap.score(profile("a", **facets), profile("b", **facets), description=1.0)
    assert result.score == pytest.approx(1.0)
    assert result.likely_duplicate
    assert {r.facet for r in result.reasons} == set(overlap.WEIGHTS)


def test_unrelated_initiatives_score_zero() -> None:
    a = profile(
        "a", places=frozenset({"country:KHM"}), start=date(2010, 1, 1), end=date(2011, 1, 1)
    )
    b = profile(
        "b", places=frozenset({"country:PER"}), start=date(2015, 1, 1), end=date(2016, 1, 1)
    )
    result = overlap.score(a, b, description=0.0)
    assert (result.score, result.reasons) == (0.0, ())


def test_a_country_inside_the_others_region_counts_less() -> None:
    national = profile(
        "a",
        places=frozenset({"country:HUN"}),
        around=frozenset({"region:ilo-europe-and-central-asia"}),
    )
    regional = profile("b", places=frozenset({"region:ilo-europe-and-central-asia"}))
    similarity, shared = overlap.place_similarity(national, regional)
    assert similarity == overlap.CONTAINED_PLACE
    assert shared == ("region:ilo-europe-and-central-asia",)


def test_time_spans() -> None:
    early = profile("a", start=date(2017, 1, 1), end=date(2017, 12, 31))
    late = profile("b", start=date(2018, 1, 1))
    undated = profile("c")
    assert overlap.time_similarity(early, late) == 0.0
    assert overlap.time_similarity(late, profile("d", end=date(2019, 1, 1))) == 1.0
    assert overlap.time_similarity(early, undated) == overlap.UNKNOWN_TIME


def _need(value: float, people: int | None, basis: str = "country") -> coverage.Need:
    return coverage.Need(
        measure="Modern slavery",
        value=value,
        unit="per 1,000 people",
        data_year=2021,
        edition="Global Slavery Index 2023",
        sources=("Global Slavery Index 2023",),
        basis=basis,
        region=None if basis == "country" else "Arab States",
        people=people,
        people_basis=None,
        highest=104.6,
    )


def _here(
    local: int = 0,
    organizations: int = 0,
    regional: int = 0,
    worldwide: int = 0,
    wider: int = 0,
    not_active: int = 0,
    reached: int | None = None,
) -> coverage.Presence:
    return coverage.Presence(
        local, organizations, regional, worldwide, wider, not_active, reached, int(bool(reached))
    )


def test_a_gap_is_high_where_need_is_high_and_presence_low() -> None:
    """By people, a large country with a low rate outranks a small one with a high rate;
    by rate, the other way round; organizations present lower both; work not active is not
    counted."""
    india, eritrea = _need(8.0, 11_050_000), _need(90.3, 320_000)
    assert coverage.gap(india, _here()).score == 11_050_000
    assert coverage.gap(india, _here()).score > coverage.gap(eritrea, _here()).score  # type: ignore[operator]
    assert coverage.gap(eritrea, _here()).rate_score == 90.3
    covered = coverage.gap(india, _here(local=3, organizations=4, worldwide=4, not_active=2))
    assert covered.coverage == 4.0
    assert covered.score == 11_050_000 / 5
    assert covered.same_unit is False
    assert "no count of the same unit" in covered.why
    assert "2 here not active then, not counted" in covered.why
    assert "11,050,000 people" in covered.why
    assert "its own figure" in covered.why


def test_no_country_level_work_says_so_and_gives_no_coverage_number() -> None:
    """Worldwide work alone is shown apart, never silently added in: no coverage number,
    and the gap is the whole need; asked to include it, it counts and says so."""
    need = _need(8.0, 11_050_000)
    alone = coverage.gap(need, _here(worldwide=3, wider=5))
    assert alone.coverage is None
    assert alone.score == 11_050_000
    assert "no country-level work recorded" in alone.why
    assert "shown apart, not counted" in alone.why
    wider = coverage.gap(need, _here(worldwide=3, wider=5), include_wider=True)
    assert wider.coverage == 5.0
    assert "included as asked" in wider.why


def test_people_reached_are_set_against_people_in_need_in_one_unit() -> None:
    need = _need(8.0, 1_000_000)
    reached = coverage.gap(need, _here(local=2, organizations=2, reached=250_000))
    assert reached.same_unit is True
    assert reached.score == 750_000
    assert "750,000 people in need not reached" in reached.why
    assert coverage.gap(need, _here(local=1, organizations=1, reached=2_000_000)).score == 0


def test_a_regional_figure_without_people_is_ranked_by_rate_only() -> None:
    fallback = coverage.gap(_need(10.1, None, basis="region"), _here())
    assert fallback.score is None
    assert fallback.rate_score == 10.1
    assert "the figure for Arab States" in fallback.why
    assert "ranked by rate only" in fallback.why


def test_no_estimate_is_said_never_zero() -> None:
    result = coverage.gap(None, _here(worldwide=2))
    assert result.score is None
    assert result.rate_score is None
    assert result.why.startswith("no published estimate of need")
