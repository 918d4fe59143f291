"""Coverage against need, constituency gaps and the organization ranking, on the seed."""

from collections.abc import Callable
from typing import Any

from service.seed.graph import SeedGraph

Ask = Callable[..., dict[str, Any]]

COVERAGE = """query($theme: String, $level: CoverageLevel) {
  coverage(theme: $theme, level: $level) {
    place { ... on Region { id } ... on Country { id } } theme { id }
    initiatives regionalInitiatives worldwideInitiatives organizations notActive asOf
    need { measure value unit people basis dataYear edition sources index }
    coverage gapScore rateGapScore why scoringVersion } }"""


def test_region_coverage_uses_the_latest_estimate(gql: Ask, seed_graph: SeedGraph) -> None:
    rows = gql(COVERAGE, theme="theme:modern-slavery", level="REGION")["data"]["coverage"]
    by_region = {r["place"]["id"]: r for r in rows}
    # One row for each ILO region, once.
    assert len(rows) == len(by_region)
    assert set(by_region) == {
        node.id for node in seed_graph.nodes if node.id.startswith("region:ilo-")
    }
    arab = by_region["region:ilo-arab-states"]
    assert (arab["need"]["value"], arab["need"]["dataYear"]) == (10.1, 2021)
    assert arab["need"]["index"] == 1.0
    assert "2022 edition" in arab["need"]["sources"][0]
    europe = by_region["region:ilo-europe-and-central-asia"]
    # The regional consultations were held in 2017: shown apart, never counted as coverage.
    assert (europe["initiatives"], europe["notActive"]) == (0, 1)
    assert europe["organizations"] == 0
    assert europe["scoringVersion"] == "coverage-3"


def test_a_theme_without_published_figures_says_no_estimate(gql: Ask) -> None:
    rows = gql(COVERAGE, theme="theme:human-trafficking", level="REGION")["data"]["coverage"]
    assert {r["need"] is None for r in rows} == {True}
    assert {r["gapScore"] is None for r in rows} == {True}
    assert all(r["why"].startswith("no published estimate of need") for r in rows)
    gaps = gql(
        '{ coverageGaps(theme: "theme:human-trafficking") { place { ... on Region { id } } } }'
    )
    assert gaps["data"]["coverageGaps"] == []  # nothing ranked as a gap without an estimate


def test_country_coverage_takes_its_own_figure_else_its_regions(
    gql: Ask, seed_graph: SeedGraph
) -> None:
    """Nigeria has UNICEF's own figure, in children (the rate times its population aged
    5-17); Hungary has none, so its ILO region's 2016 rate stands in and is said to."""
    rows = gql(COVERAGE, theme="theme:child-labour", level="COUNTRY")["data"]["coverage"]
    by_country = {r["place"]["id"]: r for r in rows}
    nigeria = by_country["country:NGA"]["need"]
    assert (nigeria["basis"], nigeria["value"], nigeria["edition"]) == (
        "COUNTRY",
        31.48,
        "The State of the World's Children 2023",
    )
    assert nigeria["people"] == 22_596_449
    hungary = by_country["country:HUN"]
    assert (hungary["need"]["basis"], hungary["need"]["value"]) == ("REGION", 4.1)
    assert hungary["need"]["people"] is None
    assert hungary["gapScore"] is None
    assert hungary["rateGapScore"] is not None
    # Every country has a row, with or without an estimate.
    assert set(by_country) == {node.id for node in seed_graph.nodes if node.kind == "country"}


def test_modern_slavery_ranks_by_people_and_by_rate_as_published(gql: Ask) -> None:
    """By people, India and China lead (11.05 and 5.77 million, GSI 2023); by rate, North
    Korea and Eritrea (104.6 and 90.3 per 1,000): the two rankings differ as the figures do."""
    query = """query($by: GapRanking) { coverageGaps(theme: "theme:modern-slavery",
      level: COUNTRY, limit: 3, rankBy: $by) { place { ... on Country { iso3 } }
      need { people value } tiedWith } }"""
    by_people = [g["place"]["iso3"] for g in gql(query, by="PEOPLE")["data"]["coverageGaps"]]
    by_rate = [g["place"]["iso3"] for g in gql(query, by="RATE")["data"]["coverageGaps"]]
    assert by_people[:2] == ["IND", "CHN"]
    assert by_rate[:2] == ["PRK", "ERI"]
    forced = gql("""{ coverageGaps(theme: "theme:forced-labour", level: REGION, limit: 5) {
      place { ... on Region { id } } need { people } } }""")["data"]["coverageGaps"]
    assert forced[0]["place"]["id"] == "region:ilo-asia-and-the-pacific"
    assert forced[0]["need"]["people"] == 15_100_000


def test_coverage_gaps_rank_high_need_low_coverage_first(gql: Ask) -> None:
    body = gql(
        '{ coverageGaps(theme: "theme:child-labour", limit: 5) { place { ... on Region { id } } gapScore why } }'
    )
    gaps = body["data"]["coverageGaps"]
    # Africa holds most children in child labour by UNICEF's country figures (summed: the
    # 2016 regional estimate gives rates, not people), and no regional work is active.
    assert gaps[0]["place"]["id"] == "region:ilo-africa"
    scores = [g["gapScore"] for g in gaps]
    assert scores == sorted(scores, reverse=True)
    assert "19.6 % of children aged 5-17" in gaps[0]["why"]


def test_constituency_gaps(gql: Ask) -> None:
    """The GCG's membership is recorded whole (those in attendance and the apology), so
    academia is absent; the action groups are recorded by their chairs only, so what their
    chairs do not hold is unknown, never missing. Seats decide: the law firm in an
    employers' seat counts for the employers."""
    body = gql("""{ constituencyGaps { group { id } membership membershipAsOf absent unknown
        present { constituency members } pending { constituency organization status reason } } }""")
    groups = {g["group"]["id"]: g for g in body["data"]["constituencyGaps"]}
    assert "action-group:friends-of-alliance-8-7" not in groups
    gcg = groups["action-group:global-coordinating-group"]
    assert (gcg["membership"], gcg["membershipAsOf"]) == ("COMPLETE", "2017-11-13")
    assert (gcg["absent"], gcg["unknown"]) == (["academia"], [])
    present = {p["constituency"]: p["members"] for p in gcg["present"]}
    # A law firm (type business) holding an employers' seat counts for the employers.
    assert "SokSiphana&associates" in present["employers' organizations"]
    assert present["business"] == ["The Coca-Cola Company"]
    [pending] = gcg["pending"]
    assert (pending["constituency"], pending["status"]) == ("employers' organizations", "pending")
    assert pending["organization"] == "International Organisation of Employers"
    rural = groups["action-group:rural-development"]
    assert rural["membership"] == "CHAIRS_ONLY"
    assert rural["absent"] == []
    assert "governments" in rural["unknown"]
    # IPCCLA is a partnership of international agencies, not civil society.
    assert (rural["pending"][0]["status"], rural["pending"][0]["constituency"]) == (
        "blocked",
        "UN and other international organizations",
    )
    for group in groups.values():
        if group["membership"] != "COMPLETE":
            assert group["absent"] == [], group["group"]["id"]
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
