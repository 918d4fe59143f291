"""Coordination suggestions on the seed, checked against the seed's own graph: no pair
suggested already shares an initiative or an Alliance body, every pair has a theme and a
place both work on, and every reason given holds in the raw graph."""

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.editing import keys
from service.model.relationships import GROUP_ROLES, INITIATIVE_ROLES
from service.seed.graph import SeedGraph
from tests.conftest import reseed, run_db

SUGGESTIONS = """query($theme: String, $country: String) {
  coordinationSuggestions(first: 200, theme: $theme, country: $country) {
    a aName b bName score sharedThemes sharedPlaces complementaryRoles reasons } }"""


def _raw(seed_graph: SeedGraph) -> dict[str, Any]:
    """From the seed's nodes and links: each organization's initiatives, groups and the
    (theme, country) pairs of its initiatives, with its roles there."""
    themes: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str]] = defaultdict(set)
    for link in seed_graph.links:
        if link.source_id.startswith("initiative:") and link.type == "ADDRESSES":
            themes[link.source_id].add(link.target_id)
        if link.type == "OPERATES_IN" and link.target_id.startswith(("country:", "region:")):
            countries[link.source_id].add(link.target_id)
    initiatives: dict[str, set[str]] = defaultdict(set)
    groups: dict[str, set[str]] = defaultdict(set)
    roles: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for link in seed_graph.links:
        if not link.source_id.startswith("organization:"):
            continue
        if link.type in INITIATIVE_ROLES and link.target_id.startswith("initiative:"):
            initiatives[link.source_id].add(link.target_id)
            for theme in themes[link.target_id]:
                for country in countries[link.target_id]:
                    roles[(link.source_id, theme, country)].add(link.type)
        if link.type in GROUP_ROLES and link.target_id.startswith("action-group:"):
            groups[link.source_id].add(link.target_id)
    return {"initiatives": initiatives, "groups": groups, "roles": roles}


def test_suggestions_leave_out_tied_pairs_and_give_true_reasons(
    gql: Callable[..., dict[str, Any]], seed_graph: SeedGraph
) -> None:
    body = gql(SUGGESTIONS)
    assert "errors" not in body, body
    found = body["data"]["coordinationSuggestions"]
    assert found, "the seed has organizations on one theme in one country with no tie"
    raw = _raw(seed_graph)
    scores = [s["score"] for s in found]
    assert scores == sorted(scores, reverse=True)
    for s in found:
        a, b = s["a"], s["b"]
        assert not raw["initiatives"][a] & raw["initiatives"][b], (a, b, "share an initiative")
        assert not raw["groups"][a] & raw["groups"][b], (a, b, "share an Alliance body")
        shared = [
            (t, c)
            for t in s["sharedThemes"]
            for c in s["sharedPlaces"]
            if raw["roles"].get((a, t, c)) and raw["roles"].get((b, t, c))
        ]
        # Every theme and every country given is one both work on, together.
        assert {t for t, _ in shared} == set(s["sharedThemes"]), s
        assert {c for _, c in shared} == set(s["sharedPlaces"]), s
        for words in s["complementaryRoles"]:
            funder, rest = words.split(" funds and ", 1)
            doer, where = rest.split(" carries out work on ", 1)
            theme, country = where.split(" in ")
            assert "FUNDS" in raw["roles"][(funder, theme, country)], words
            assert raw["roles"][(doer, theme, country)] & {"LEADS", "IMPLEMENTS", "PARTNERS_IN"}
        assert s["reasons"], s


def test_suggestions_on_one_theme_stay_on_it(gql: Callable[..., dict[str, Any]]) -> None:
    every = gql(SUGGESTIONS)["data"]["coordinationSuggestions"]
    theme = every[0]["sharedThemes"][0]
    on_theme = gql(SUGGESTIONS, theme=theme)["data"]["coordinationSuggestions"]
    assert on_theme
    assert all(s["sharedThemes"] == [theme] for s in on_theme)
    refused = gql(SUGGESTIONS, theme="theme:not-a-theme")
    assert refused["errors"][0]["extensions"]["code"] in {"NOT_FOUND", "BAD_USER_INPUT"}


REVIEW = """mutation($a: ID!, $b: ID!, $verdict: SuggestionVerdict!, $reason: String!) {
  reviewSuggestion(a: $a, b: $b, verdict: $verdict, reason: $reason) { pair } }"""
WITH_REVIEWED = """{ coordinationSuggestions(first: 200, includeReviewed: true) {
  a b review { verdict reason } } }"""


@pytest.fixture(scope="module")
def admin(seeded: Settings) -> Iterator[str]:
    name = f"coordination-admin-{uuid.uuid4().hex[:6]}"
    yield run_db(seeded, lambda db: keys.create_key(db, name, "admin"))[1]
    reseed(seeded)


def test_a_reviewed_suggestion_is_not_made_again(
    seeded: Settings, as_key: Callable[[str | None], Any], admin: str
) -> None:
    secretariat = as_key(admin)
    first = secretariat(SUGGESTIONS)["data"]["coordinationSuggestions"][0]
    pair = (first["a"], first["b"])
    verdict = {"a": pair[1], "b": pair[0], "verdict": "INTRODUCED", "reason": "Met in May."}
    scoped = as_key(
        run_db(seeded, lambda db: keys.create_key(db, "c-scoped", "editor", pair[0]))[1]
    )
    assert scoped(REVIEW, **verdict)["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "errors" not in secretariat(REVIEW, **verdict)

    left = secretariat(SUGGESTIONS)["data"]["coordinationSuggestions"]
    assert pair not in {(s["a"], s["b"]) for s in left}
    every = secretariat(WITH_REVIEWED)["data"]["coordinationSuggestions"]
    shown = next(s for s in every if (s["a"], s["b"]) == pair)
    assert shown["review"] == {"verdict": "INTRODUCED", "reason": "Met in May."}
    assert all(s["review"] is None for s in every if (s["a"], s["b"]) != pair)


def test_a_group_of_people_both_reach_is_a_reason(
    client: TestClient, as_key: Callable[[str | None], Any], admin: str
) -> None:
    """From a 3W sheet: two organizations new to the map count children reached in child
    protection in Niger, a third counts women only there; the first two are suggested with
    the children both reach as a reason, and no pair with the third names a group."""
    tag = uuid.uuid4().hex[:6]
    names = [
        f"Sahel Hope Collective {tag}",
        f"Tillaberi Shelter Network {tag}",
        f"Zinder Aid {tag}",
    ]
    sheet = "\n".join(
        [
            "Organization,Sector,Country,Activity,Children targeted,Women targeted",
            "#org,#sector,#country+code,#activity,#targeted+children,#targeted+f+adults",
            f"{names[0]},Child Protection,NER,Safe spaces {tag},400,",
            f"{names[1]},Child Protection,NER,Night shelters {tag},150,",
            f"{names[2]},Child Protection,NER,Women's groups {tag},,90",
        ]
    )
    done = client.post(
        "/import",
        files=[("files", (f"niger-3w-{tag}.csv", sheet.encode()))],
        data={"source": "source:gcg-2017-report", "section": "Agenda"},
        headers={"Authorization": f"Bearer {admin}"},
    )
    assert done.status_code == 200, done.text
    found = as_key(admin)(
        """{ coordinationSuggestions(first: 200, theme: "theme:child-labour", country: "NER") {
        aName bName targetGroups reasons } }"""
    )["data"]["coordinationSuggestions"]
    by_names = {frozenset((s["aName"], s["bName"])): s for s in found}
    reaching = by_names[frozenset(names[:2])]
    assert reaching["targetGroups"] == ["both reach children on theme:child-labour in country:NER"]
    assert set(reaching["targetGroups"]) <= set(reaching["reasons"])
    for other in names[:2]:
        assert by_names[frozenset((other, names[2]))]["targetGroups"] == []
