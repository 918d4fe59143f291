"""Every analysis at past moments against the answers it gave then: after a sequence of
edits through the API (an overlap reviewed, a place added, a new organization leading an
initiative, an organization retired, a relationship removed), overlaps, duplicate
clusters, coverage, coverage gaps, the organization ranking, coordination suggestions and
the whole-map drawing asked with `mapAsOf` a moment give what they gave at that moment;
and the map itself is left as the edits left it."""

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from service.config import Settings
from service.editing import keys
from tests.conftest import data_of, reseed, run_db
from tests.forms import save_form

Ask = Callable[..., dict[str, Any]]
ANALYSES = """query($at: DateTime) {
  overlaps(limit: 500, mapAsOf: $at) { a { id } b { id } score
    reasons { facet similarity shared }
    review { verdict reason current } }
  duplicateClusters(mapAsOf: $at) { initiatives { id } overlaps { a { id } b { id } } }
  coverage(level: COUNTRY, mapAsOf: $at) { place { ... on Country { id } ... on Region { id } } theme { id } asOf initiatives
    organizations countryLevelWork unknownStatus notActive coverage why }
  coverageGaps(level: COUNTRY, limit: 50, mapAsOf: $at) { place { ... on Country { id } ... on Region { id } } theme { id }
    gapScore why }
  organizationRanking(metric: BETWEENNESS, limit: 200, mapAsOf: $at) {
    organization { id } degree betweenness sample stale }
  coordinationSuggestions(first: 200, mapAsOf: $at) { a b score reasons
    review { verdict } }
  graph(mapAsOf: $at) { nodes { id degree community } edges { id type } truncated }
}"""
OVERLAPS = "{ overlaps(limit: 500) { a { id } b { id } } }"
REVIEW = """mutation($a: ID!, $b: ID!, $verdict: OverlapReviewVerdict!, $reason: String!) {
  reviewOverlap(a: $a, b: $b, verdict: $verdict, reason: $reason) { pair } }"""
CREATE_ORG = """mutation($input: OrganizationInput!) {
  createOrganization(input: $input, confirmNew: true) { organization { id } } }"""
ADD = "mutation($input: RelationshipInput!) { addRelationship(input: $input) { auditEventId } }"
REMOVE = """mutation($from: ID!, $type: String!, $to: ID!) {
  removeRelationship(from: $from, type: $type, to: $to) { auditEventId } }"""
RETIRE = "mutation($id: ID!, $version: Int!) { retire(id: $id, version: $version) { id } }"
VERSION = "query($id: ID!) { node(id: $id) { ... on Organization { version } } }"
GCG = "source:gcg-2017-report"
CITED = [{"source": GCG, "section": "Agenda", "note": "Test record."}]
LED = "initiative:knowledge-platform"


@pytest.fixture(scope="module")
def admin(seeded: Settings) -> Iterator[str]:
    name = f"asof-admin-{uuid.uuid4().hex[:6]}"
    yield run_db(seeded, lambda db: keys.create_key(db, name, "admin"))[1]
    reseed(seeded)


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _answers(ask: Ask, at: str | None = None) -> dict[str, Any]:
    return data_of(ask(ANALYSES, at=at))


def test_every_analysis_as_of_a_moment_gives_what_it_gave_then(
    as_key: Callable[[str | None], Ask], admin: str
) -> None:
    ask = as_key(admin)
    moments, answers = [_now()], [_answers(ask)]

    pairs = data_of(ask(OVERLAPS))["overlaps"]
    assert len(pairs) >= 2, "the seed flags overlapping initiatives"
    reviewed, placed = pairs[0], pairs[-1]
    review = {"verdict": "COMPLEMENTARY", "reason": "Two parts of one plan (test)."}
    data_of(ask(REVIEW, a=reviewed["a"]["id"], b=reviewed["b"]["id"], **review))
    save_form(
        ask,
        placed["a"]["id"],
        lambda values: {"countries": [*(values.get("countries") or []), "BOL"]},
    )
    moments.append(_now())
    answers.append(_answers(ask))

    key = f"asof-lead-{uuid.uuid4().hex[:6]}"
    organization = {"key": key, "name": f"As Of Lead {key}", "type": "NGO", "cited": CITED}
    made = data_of(ask(CREATE_ORG, input=organization))["createOrganization"]["organization"]
    link = {"from": made["id"], "type": "LEADS", "to": LED, "source": GCG}
    data_of(ask(ADD, input={**link, "section": "Agenda", "note": "Test link."}))
    retired = "organization:walk-free-foundation"
    version = data_of(ask(VERSION, id=retired))["node"]["version"]
    data_of(ask(RETIRE, id=retired, version=version))
    moments.append(_now())
    answers.append(_answers(ask))

    data_of(ask(REMOVE, **{k: link[k] for k in ("from", "type", "to")}))
    moments.append(_now())
    answers.append(_answers(ask))

    for field in ("overlaps", "coverage", "organizationRanking", "graph"):
        assert answers[0][field] != answers[2][field], f"the edits change {field}"
    for moment, then in zip(moments, answers, strict=True):
        past = _answers(ask, moment)
        for field, answer in then.items():
            assert past[field] == answer, (moment, field)
    # The past was rebuilt for those answers only: the map is as the edits left it, and
    # the reviewed pair is still off the open list.
    assert _answers(ask) == answers[-1]
    assert reviewed["a"] not in [p["a"] for p in answers[-1]["overlaps"] if p["b"] == reviewed["b"]]
