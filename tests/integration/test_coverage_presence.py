"""Coverage as presence, against the real Neo4j, each answer checked against the raw graph
read independently (plain Cypher here, not the service's statement): on the seed, a place
with no country-level work on a theme says so and has no coverage number; with OCHA 3W
sheets imported, coverage differs between countries, each country's presence is the
organizations the raw graph finds there, and the widest-gap list is no tie
(service/domain/coverage.py, service/scoring/coverage.py)."""

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import PROJECT_ROOT, Settings
from service.db.driver import Database
from service.editing import keys
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
SHEETS = PROJECT_ROOT.parent / "shared" / "real-files" / "3w"
# OCHA sheets with child protection work, a sector the map reads as child labour (a sheet
# with no country column is named its country, as its user would), and one without.
IMPORTED = {"ocha-niger-3w-2022.xlsx": "NER", "ocha-libya-3w-2021.xlsx": "LBY"}
THEME = "theme:child-labour"
COVERAGE = """query($theme: String!) { coverage(theme: $theme, level: COUNTRY) {
  place { ... on Country { id } } countryLevelWork initiatives organizations coverage
  worldwideInitiatives gapScore why } }"""
GAPS = """query($theme: String!) { coverageGaps(theme: $theme, level: COUNTRY, limit: 10) {
  place { ... on Country { id } } gapScore tiedWith organizations } }"""
# The raw graph's own answer: per country, the distinct organizations taking part in
# initiatives on the theme at country level, present today (active or of unknown status,
# dates around today). Written apart from cypher/coverage/places.cypher on purpose.
RAW_PRESENCE = """
MATCH (c:Country)<-[:OPERATES_IN]-(i:Initiative)-[:ADDRESSES]->(:Theme {id: $theme})
WHERE i.status IN ['active', 'unknown']
  AND (i.start_on IS NULL OR i.start_on <= date()) AND (i.end_on IS NULL OR i.end_on >= date())
OPTIONAL MATCH (o:Organization)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(i)
RETURN c.id AS country, count(DISTINCT i) AS initiatives, count(DISTINCT o) AS organizations
"""
RAW_NEED = """
MATCH (n:NeedEstimate)-[:FOR_COUNTRY]->(c:Country), (n)-[:FOR_THEME]->(:Theme {id: $theme})
WHERE n.people IS NOT NULL
WITH c, n ORDER BY coalesce(n.data_year, 0) DESC
WITH c, collect(n)[0] AS latest
RETURN c.id AS country, latest.people AS people
"""


def _raw(settings: Settings, statement: str) -> dict[str, dict[str, Any]]:
    async def read(db: Database) -> list[dict[str, Any]]:
        async with db.driver.session(database=db.database) as session:
            result = await session.run(statement, theme=THEME)
            return [record.data() async for record in result]

    return {row["country"]: row for row in run_db(settings, read)}


def _coverage(gql: Ask) -> dict[str, dict[str, Any]]:
    rows = gql(COVERAGE, theme=THEME)["data"]["coverage"]
    return {r["place"]["id"]: r for r in rows}


def test_on_the_seed_no_country_level_work_says_so_and_has_no_number(
    gql: Ask, seeded: Settings
) -> None:
    raw = _raw(seeded, RAW_PRESENCE)
    found = _coverage(gql)
    for country, row in found.items():
        here = raw.get(country)
        assert row["countryLevelWork"] == bool(here), country
        if here is None:
            assert row["coverage"] is None, country
            assert "no country-level work recorded" in row["why"], country
        else:
            assert row["organizations"] == here["organizations"], country
    # Worldwide work is on the map, shown apart, and never made a number here.
    quiet = [r for c, r in found.items() if c not in raw]
    assert quiet, "some country has no country-level child labour work on the seed"
    assert all(r["worldwideInitiatives"] > 0 for r in quiet)


@pytest.fixture(scope="module")
def with_sheets(seeded: Settings, client: TestClient) -> Iterator[None]:
    if not SHEETS.is_dir():
        pytest.skip("the shared real files are not beside the project")
    name = f"coverage-{uuid.uuid4().hex[:8]}"
    token = run_db(seeded, lambda db: keys.create_key(db, name, "editor"))[1]
    for sheet, country in IMPORTED.items():
        sent = client.post(
            "/import",
            files=[("files", (sheet, (SHEETS / sheet).read_bytes()))],
            data={"country": country},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert sent.status_code == 200, sent.text
    yield
    reseed(seeded)


def test_with_ocha_sheets_coverage_differs_and_the_widest_gap_is_no_tie(
    gql: Ask, seeded: Settings, with_sheets: None
) -> None:
    raw = _raw(seeded, RAW_PRESENCE)
    found = _coverage(gql)
    for country in ("country:NER",):
        assert country in raw, f"the sheets put child protection work in {country}"
        assert found[country]["countryLevelWork"] is True
        assert found[country]["organizations"] == raw[country]["organizations"]
        assert found[country]["coverage"] == float(raw[country]["organizations"])
    numbers = {r["coverage"] for r in found.values()}
    assert len(numbers) > 1, "coverage is not the same number everywhere"
    # The gap by people, worked out here from the raw graph: people in need over
    # (1 + organizations present); no count of people reached is in these sheets.
    need = _raw(seeded, RAW_NEED)
    expected = {
        country: round(row["people"] / (1 + (raw.get(country) or {}).get("organizations", 0)), 1)
        for country, row in need.items()
    }
    gaps = gql(GAPS, theme=THEME)["data"]["coverageGaps"]
    assert [g["gapScore"] for g in gaps] == sorted(expected.values(), reverse=True)[:10]
    assert gaps[0]["tiedWith"] == 0
    assert len({g["gapScore"] for g in gaps}) == len(gaps), "the widest gaps are all distinct"
    placed = {g["place"]["id"]: g for g in gaps}
    for country, row in placed.items():
        assert row["gapScore"] == expected[country], country
