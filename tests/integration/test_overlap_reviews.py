"""The secretariat reviews a flagged overlap and the organizations involved answer it, on
the seed, through the API: a reviewed pair leaves `overlaps()` and comes back when one of
its initiatives' places change (and leaves again once they are as reviewed); a change
overlap scoring does not compare leaves it reviewed; each involved organization's answer,
sent with its own key, is published with the verdict; nobody else may answer or review."""

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from service.config import Settings
from service.editing import keys
from tests.conftest import reseed, run_db
from tests.forms import form_values, save_form

Ask = Callable[..., dict[str, Any]]
OVERLAPS = """query($all: Boolean!) { overlaps(includeReviewed: $all, limit: 500) {
  a { id } b { id }
  review { verdict reason current responses { organization organizationName response } } } }"""
REVIEWS = """{ overlapReviews { a b verdict reason current
  responses { organization response } } }"""
REVIEW = """mutation($a: ID!, $b: ID!, $verdict: OverlapReviewVerdict!, $reason: String!) {
  reviewOverlap(a: $a, b: $b, verdict: $verdict, reason: $reason) { pair event } }"""
RESPOND = """mutation($a: ID!, $b: ID!, $response: String!) {
  respondToReview(a: $a, b: $b, response: $response) { pair } }"""
PARTICIPANTS = "query($id: ID!) { initiative(id: $id) { participants { organization { id } } } }"
ORGANIZATIONS = "{ organizations(first: 100) { edges { node { id } } } }"
CHANGES = """query($since: DateTime!) { changes(since: $since, action: "review-overlap") {
  changes { action targets } } }"""


def _token(seeded: Settings, role: str, organization: str | None = None) -> str:
    name = f"reviews-{role}-{uuid.uuid4().hex[:8]}"
    return run_db(seeded, lambda db: keys.create_key(db, name, role, organization))[1]


@pytest.fixture(scope="module")
def admin(seeded: Settings) -> Iterator[str]:
    yield _token(seeded, "admin")
    reseed(seeded)


def _data(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def _code(body: dict[str, Any]) -> str:
    return str(body["errors"][0]["extensions"]["code"])


def _pairs(ask: Ask, *, reviewed_too: bool = False) -> dict[tuple[str, str], Any]:
    found = _data(ask(OVERLAPS, all=reviewed_too))["overlaps"]
    return {(o["a"]["id"], o["b"]["id"]): o["review"] for o in found}


def _involved(ask: Ask, pair: tuple[str, str]) -> set[str]:
    return {
        p["organization"]["id"]
        for initiative in pair
        for p in _data(ask(PARTICIPANTS, id=initiative))["initiative"]["participants"]
    }


def _save_places(ask: Ask, initiative: str, change: Callable[[list[str]], list[str]]) -> None:
    """Saves the initiative's edit form as read, its countries changed by `change`."""
    save_form(ask, initiative, lambda v: {"countries": change(list(v.get("countries") or []))})


def test_a_reviewed_pair_leaves_the_open_list_until_its_places_change(
    seeded: Settings, as_key: Callable[[str | None], Ask], admin: str
) -> None:
    secretariat = as_key(admin)
    open_pairs = _pairs(secretariat)
    assert open_pairs, "the seed flags overlapping initiatives"
    pair = next(iter(open_pairs))
    a, b = pair
    reason = "Two write-ups of related work by different partners; kept apart."
    since = "2000-01-01T00:00:00Z"
    done = _data(secretariat(REVIEW, a=a, b=b, verdict="COMPLEMENTARY", reason=reason))
    assert done["reviewOverlap"]["pair"] == " ".join(sorted(pair))

    assert pair not in _pairs(secretariat)
    assert pair not in _pairs(as_key(None))  # the public's open list too
    shown = _pairs(as_key(None), reviewed_too=True)[pair]
    assert shown["verdict"] == "COMPLEMENTARY"
    assert shown["reason"] == reason
    assert shown["current"] is True
    events = _data(secretariat(CHANGES, since=since))["changes"]["changes"]
    assert any(set(e["targets"]) == set(pair) for e in events)

    # Saving a form as read changes nothing scoring compares: still reviewed.
    _save_places(secretariat, a, lambda countries: countries)
    assert pair not in _pairs(secretariat)

    # A new country for one of them: the pair is open again, its earlier verdict beside it.
    added = "BOL" if "BOL" not in _form_countries(secretariat, a) else "PRY"
    _save_places(secretariat, a, lambda countries: [*countries, added])
    back = _pairs(secretariat).get(pair)
    assert back is not None, "a changed initiative's pair comes back"
    assert back["verdict"] == "COMPLEMENTARY"
    assert back["current"] is False
    assert {r["a"]: r["current"] for r in _data(secretariat(REVIEWS))["overlapReviews"]}[
        min(pair)
    ] is False

    # Its places as reviewed again: the review holds again.
    _save_places(secretariat, a, lambda countries: [c for c in countries if c != added])
    assert pair not in _pairs(secretariat)


def _form_countries(ask: Ask, initiative: str) -> list[str]:
    return list(form_values(ask, initiative)[1].get("countries") or [])


def test_each_involved_organization_answers_with_its_own_key_and_nobody_else(
    seeded: Settings, as_key: Callable[[str | None], Ask], admin: str
) -> None:
    secretariat = as_key(admin)
    pairs = _pairs(secretariat, reviewed_too=True)
    pair = next(p for p, review in pairs.items() if review is None)
    a, b = pair
    involved = sorted(_involved(secretariat, pair))
    assert involved, "the seed names who takes part in a flagged initiative"
    everyone = {
        e["node"]["id"] for e in _data(secretariat(ORGANIZATIONS))["organizations"]["edges"]
    }
    outsider = sorted(everyone - set(involved))[0]

    # No answer before there is a review to answer.
    early = as_key(_token(seeded, "editor", involved[0]))(RESPOND, a=a, b=b, response="Early.")
    assert _code(early) == "NOT_FOUND"
    verdict = {"a": a, "b": b, "verdict": "DUPLICATE", "reason": "The same project twice."}
    # Only an unscoped key reviews: not an organization's own, not the public.
    assert _code(as_key(_token(seeded, "editor", involved[0]))(REVIEW, **verdict)) == "FORBIDDEN"
    assert _code(as_key(None)(REVIEW, **verdict)) == "UNAUTHENTICATED"
    _data(secretariat(REVIEW, **verdict))

    answers = {}
    for organization in involved:
        text = f"{organization} runs one of the two; they are one project."
        _data(as_key(_token(seeded, "editor", organization))(RESPOND, a=a, b=b, response=text))
        answers[organization] = text
    refused = {
        "outsider": as_key(_token(seeded, "editor", outsider))(RESPOND, a=a, b=b, response="No."),
        "unscoped": secretariat(RESPOND, a=a, b=b, response="For nobody."),
        "reader": as_key(_token(seeded, "reader"))(RESPOND, a=a, b=b, response="No."),
    }
    assert {k: _code(v) for k, v in refused.items()} == dict.fromkeys(refused, "FORBIDDEN")

    shown = _pairs(as_key(None), reviewed_too=True)[pair]
    assert shown["verdict"] == "DUPLICATE"
    assert {r["organization"]: r["response"] for r in shown["responses"]} == answers
    assert all(r["organizationName"] for r in shown["responses"])
    listed = next(r for r in _data(as_key(None)(REVIEWS))["overlapReviews"] if r["a"] == min(pair))
    assert {r["organization"] for r in listed["responses"]} == set(answers)
