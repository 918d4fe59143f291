"""Coverage against need, constituency gaps and the organization ranking, on the seed."""

from collections.abc import Callable
from typing import Any

Ask = Callable[..., dict[str, Any]]

COVERAGE = """query($theme: String, $level: CoverageLevel) {
  coverage(theme: $theme, level: $level) {
    place { ... on Region { id } ... on Country { id } } theme { id }
    initiatives regionalInitiatives worldwideInitiatives organizations
    need { measure value unit dataYear source index } coverage gapScore why scoringVersion } }"""


def test_region_coverage_uses_the_latest_estimate(gql: Ask) -> None:
    rows = gql(COVERAGE, theme="theme:modern-slavery", level="REGION")["data"]["coverage"]
    by_region = {r["place"]["id"]: r for r in rows}
    assert len(by_region) == 5
    arab = by_region["region:ilo-arab-states"]
    assert (arab["need"]["value"], arab["need"]["dataYear"]) == (10.1, 2021)
    assert arab["need"]["index"] == 1.0
    assert "2022 edition" in arab["need"]["source"]
    europe = by_region["region:ilo-europe-and-central-asia"]
    assert europe["initiatives"] == 1  # the regional consultations
    assert europe["organizations"] == 1  # the OSCE took part in them
    assert europe["gapScore"] < arab["gapScore"]


def test_a_theme_without_published_figures_says_no_estimate(gql: Ask) -> None:
    rows = gql(COVERAGE, theme="theme:human-trafficking", level="REGION")["data"]["coverage"]
    assert {r["need"] is None for r in rows} == {True}
    assert {r["gapScore"] is None for r in rows} == {True}
    assert all(r["why"].startswith("no estimate of need") for r in rows)


def test_country_coverage_takes_the_regions_estimate_and_regional_work(gql: Ask) -> None:
    rows = gql(COVERAGE, theme="theme:child-labour", level="COUNTRY")["data"]["coverage"]
    hungary = next(r for r in rows if r["place"]["id"] == "country:HUN")
    assert hungary["need"]["value"] == 4.1  # Europe and Central Asia, 2016
    assert hungary["regionalInitiatives"] == 1
    assert hungary["worldwideInitiatives"] >= 1
    assert len(rows) == 249


def test_coverage_gaps_rank_high_need_low_coverage_first(gql: Ask) -> None:
    body = gql(
        '{ coverageGaps(theme: "theme:child-labour", limit: 5) { place { ... on Region { id } } gapScore why } }'
    )
    gaps = body["data"]["coverageGaps"]
    assert gaps[0]["place"]["id"] == "region:ilo-africa"  # 19.6 % of children, no regional work
    scores = [g["gapScore"] for g in gaps]
    assert scores == sorted(scores, reverse=True)
    assert "19.6 % of children aged 5-17" in gaps[0]["why"]


def test_constituency_gaps(gql: Ask) -> None:
    body = gql("""{ constituencyGaps { group { id } missing
        present { constituency members } pending { constituency organization status reason } } }""")
    groups = {g["group"]["id"]: g for g in body["data"]["constituencyGaps"]}
    assert "action-group:friends-of-alliance-8-7" not in groups
    gcg = groups["action-group:global-coordinating-group"]
    assert gcg["missing"] == ["academia"]
    [pending] = gcg["pending"]
    assert (pending["constituency"], pending["status"]) == ("employers' organizations", "pending")
    assert pending["organization"] == "International Organisation of Employers"
    rural = groups["action-group:rural-development"]
    assert "governments" in rural["missing"]
    assert rural["pending"][0]["status"] == "blocked"
    supply = groups["action-group:supply-chains"]
    assert {p["constituency"] for p in supply["present"]} == {
        "UN and other international organizations",
        "business",
    }


def test_organization_ranking(gql: Ask) -> None:
    body = gql("""{ byDegree: organizationRanking(metric: DEGREE, limit: 3) { organization { id } degree betweenness }
                    byBetweenness: organizationRanking(metric: BETWEENNESS, limit: 35) { organization { id } betweenness } }""")
    assert body["data"]["byDegree"][0]["organization"]["id"] == "organization:ilo"
    between = body["data"]["byBetweenness"]
    values = [r["betweenness"] for r in between]
    assert values == sorted(values, reverse=True)
    assert between[0]["organization"]["id"] == "organization:ilo"
    assert values[-1] == 0.0  # someone stands alone
