"""The explorer's alerts page and the verdicts beside the overlaps, in Chromium: a signed-in
key sees the alerts the API lists for it, of one kind, with their facts; acknowledging one
takes it off the list (and the API's); signed out, the page asks for a key. On the
overlaps page, a pair the secretariat has reviewed is shown, with reviewed pairs asked
for, with its verdict and an involved organization's answer."""

import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from service.config import Settings
from tests.conftest import reseed
from tests.e2e.conftest import accessible, ask_api, make_key, on_a_thread, screenshot, sign_in

pytestmark = pytest.mark.e2e
ALERTS = """query($kind: AlertKind) { alerts(kind: $kind, first: 500) { key title } }"""
OVERLAPS = "{ overlaps(limit: 500) { a { id } b { id } } }"
PARTICIPANTS = "query($id: ID!) { initiative(id: $id) { participants { organization { id } } } }"
REVIEW = """mutation($a: ID!, $b: ID!, $verdict: OverlapReviewVerdict!, $reason: String!) {
  reviewOverlap(a: $a, b: $b, verdict: $verdict, reason: $reason) { pair } }"""
RESPOND = """mutation($a: ID!, $b: ID!, $response: String!) {
  respondToReview(a: $a, b: $b, response: $response) { pair } }"""


@pytest.fixture
def admin(seeded: Settings) -> Iterator[str]:
    _, token = make_key(seeded, "admin")
    try:
        yield token
    finally:
        on_a_thread(lambda: reseed(seeded))


def test_a_signed_in_key_reads_and_acknowledges_alerts(
    page: Page, base_url: str, admin: str
) -> None:
    page.goto(f"{base_url}/?view=alerts")
    expect(page.locator("#alerts")).to_contain_text("sign in")

    sign_in(page, base_url, admin)
    page.goto(f"{base_url}/?view=alerts&kind=COMMITMENT_OVERDUE")
    listed = ask_api(base_url, ALERTS, admin, kind="COMMITMENT_OVERDUE")["alerts"]
    assert listed, "the seed's commitments of 2018 are overdue"
    rows = page.locator("#alerts tbody tr")
    expect(rows).to_have_count(len(listed))
    first = listed[0]
    expect(rows.first).to_contain_text(first["title"])
    accessible(page)
    screenshot(page, "alerts")

    rows.first.get_by_role("button", name="Acknowledge").click()
    expect(rows).to_have_count(len(listed) - 1)
    still = ask_api(base_url, ALERTS, admin, kind="COMMITMENT_OVERDUE")["alerts"]
    assert first["key"] not in {a["key"] for a in still}


def test_a_reviewed_pair_shows_its_verdict_and_an_answer(
    page: Page, base_url: str, seeded: Settings, admin: str
) -> None:
    # A flagged pair one of whose initiatives names an organization taking part.
    found = [
        (p["a"]["id"], p["b"]["id"], people[0]["organization"]["id"])
        for p in ask_api(base_url, OVERLAPS, admin)["overlaps"]
        if (
            people := ask_api(base_url, PARTICIPANTS, admin, id=p["a"]["id"])["initiative"][
                "participants"
            ]
        )
    ]
    assert found, "the seed flags pairs of initiatives that name their organizations"
    a, b, organization = found[0]
    reason = f"Two parts of one plan (browser test {uuid.uuid4().hex[:6]})."
    ask_api(base_url, REVIEW, admin, a=a, b=b, verdict="COMPLEMENTARY", reason=reason)
    _, partner = make_key(seeded, "editor", organization)
    answer = "We agree: our part is the field work."
    ask_api(base_url, RESPOND, partner, a=a, b=b, response=answer)

    page.goto(f"{base_url}/?view=overlaps")
    card = page.locator(f"li.pair[data-pair='{a}|{b}']")
    expect(page.locator("li.pair").first).to_be_visible()
    expect(card).to_have_count(0)  # reviewed, so off the open list
    page.goto(f"{base_url}/?view=overlaps&reviewed=1")
    expect(card.locator(".review")).to_contain_text("complementary")
    expect(card.locator(".review")).to_contain_text(reason)
    expect(card.locator(".response")).to_contain_text(answer)
    accessible(page)
