"""Two service processes over one Neo4j, as two hosts behind a load balancer would run:
every question gets the same answer from either, and what one writes the other reads back
at once, the analyses and the answers a process keeps (aggregates) included; none keeps
an answer another process's write has made untrue (service/domain/kept.py)."""

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from service.config import Settings
from service.editing import keys
from tests.conftest import reseed, run_db
from tests.serving import serving

GCG = "source:gcg-2017-report"
QUESTIONS = {
    "organizations": "{ organizations(first: 50) { totalCount edges { node { id name } } } }",
    "initiatives": """{ initiatives(first: 30, filter: { theme: "theme:child-labour" }) {
        totalCount edges { node { id name } lastConfirmed } } }""",
    "who": """{ whoIsDoingWhatWhere(first: 40) { totalCount
        edges { node { organization { id } role initiative { id } } } } }""",
    "aggregate": """{ aggregate(by: [ORGANIZATION_TYPE, THEME]) { group { value }
        initiatives organizations } }""",
    "coverage": """{ coverage(theme: "theme:forced-labour", level: COUNTRY) {
        place { ... on Country { id } } coverage gapScore } }""",
    "ranking": """{ organizationRanking(metric: DEGREE, limit: 500) {
        organization { id } degree betweenness } }""",
    "communities": "{ graph(filter: { limit: 300 }) { communities { name size members } } }",
    "search": '{ search(text: "labour", first: 20) { id kind name } }',
}
NAMED = """query($text: String) {
  organizations(filter: { text: $text }) { edges { node { id } } } }"""
CREATE_ORG = """mutation($input: OrganizationInput!) {
  createOrganization(input: $input, confirmNew: true) { organization { id } } }"""
ADD_LINK = """mutation($input: RelationshipInput!) {
  addRelationship(input: $input) { from to } }"""


@pytest.fixture(scope="module")
def two(seeded: Settings) -> Iterator[tuple[str, str]]:
    password = seeded.neo4j_password.get_secret_value()
    one_each = {"WORKERS": "1"}
    with (
        serving(seeded.neo4j_uri, seeded.neo4j_user, password, **one_each) as first,
        serving(seeded.neo4j_uri, seeded.neo4j_user, password, **one_each) as second,
    ):
        yield first, second
    reseed(seeded)  # the organization the test made is gone for the modules after


def _ask(url: str, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = httpx.post(
        f"{url}/graphql",
        json={"query": query, "variables": variables},
        headers=headers,
        timeout=120,
    ).json()
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]
    return found


def _answers(url: str) -> dict[str, Any]:
    return {name: _ask(url, query) for name, query in QUESTIONS.items()}


def test_both_processes_answer_alike_and_read_each_others_writes(
    two: tuple[str, str], seeded: Settings
) -> None:
    first, second = two
    before = _answers(first)
    assert _answers(second) == before  # either host, the same answers
    # Asked again on the second, its aggregate is now one it kept.
    assert _ask(second, QUESTIONS["aggregate"]) == before["aggregate"]

    name = f"two-processes-{uuid.uuid4().hex[:8]}"
    _, token = run_db(seeded, lambda db: keys.create_key(db, name, "admin", None))
    key = f"two-processes-{uuid.uuid4().hex[:6]}"
    made = _ask(
        first,
        CREATE_ORG,
        token,
        input={
            "key": key,
            "name": f"Aardvark Watch {key}",
            "type": "NGO",
            "cited": [
                {"source": GCG, "section": "1. Introduction to Alliance 8.7", "note": "Test."}
            ],
        },
    )
    organization = made["createOrganization"]["organization"]["id"]
    initiative = before["initiatives"]["initiatives"]["edges"][0]["node"]["id"]
    _ask(
        first,
        ADD_LINK,
        token,
        input={
            "from": organization,
            "type": "PARTNERS_IN",
            "to": initiative,
            "source": GCG,
            "section": "1. Introduction to Alliance 8.7",
            "note": "Written by the two-process test.",
        },
    )

    # Read back on the other host at once: lists, counts, the kept aggregate, analyses.
    after = _answers(second)
    assert _answers(first) == after
    total = after["organizations"]["organizations"]["totalCount"]
    assert total == before["organizations"]["organizations"]["totalCount"] + 1
    found = _ask(second, NAMED, text=key)
    assert [e["node"]["id"] for e in found["organizations"]["edges"]] == [organization]
    ngo_theme = {
        (g["group"][1]["value"]): g["organizations"]
        for g in after["aggregate"]["aggregate"]
        if g["group"][0]["value"] == "ngo"
    }
    ngo_theme_before = {
        (g["group"][1]["value"]): g["organizations"]
        for g in before["aggregate"]["aggregate"]
        if g["group"][0]["value"] == "ngo"
    }
    # One more NGO in each theme the initiative addresses (or in "no theme" if none).
    grown = {t for t, n in ngo_theme.items() if n == ngo_theme_before.get(t, 0) + 1}
    assert grown
    assert all(ngo_theme[t] == ngo_theme_before.get(t, 0) for t in set(ngo_theme) - grown)
    ranked = {r["organization"]["id"]: r["degree"] for r in after["ranking"]["organizationRanking"]}
    assert ranked.get(organization) == 1
