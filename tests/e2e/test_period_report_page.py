"""A partner's own figures in Chromium, on a phone-sized window: signed in with a key
scoped to its organization, a partner adds its quarterly report as a source through the
new-record form, opens an initiative it takes part in, adds a period report for it from
there (people reached, money spent, the source), closes the period, and finds its form
read only, saying why.
Every form is the model's (`newForm`, `editForm`). The map is put back afterwards."""

import uuid
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from service.config import Settings
from tests.conftest import reseed
from tests.e2e.conftest import accessible, make_key, on_a_thread, screenshot, sign_in

pytestmark = pytest.mark.e2e
PARTNER = "organization:walk-free-foundation"
REPORTS = """query($id: ID!) { initiative(id: $id) { periodReports {
  id peopleReached funding currency closed sources { source { id } } } } }"""


@pytest.fixture
def partner(seeded: Settings) -> Iterator[str]:
    _, token = make_key(seeded, "editor", PARTNER)
    try:
        yield token
    finally:
        on_a_thread(lambda: reseed(seeded))


def _its_initiative(base_url: str) -> str:
    query = "query($id: ID!) { organization(id: $id) { initiatives { initiative { id } } } }"
    body = httpx.post(f"{base_url}/graphql", json={"query": query, "variables": {"id": PARTNER}})
    return str(body.json()["data"]["organization"]["initiatives"][0]["initiative"]["id"])


def test_a_partner_reports_its_figures_and_closes_the_period(
    page: Page, base_url: str, partner: str
) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, base_url, partner)
    # Its quarterly report, as a source of its own.
    key = f"quarterly-{uuid.uuid4().hex[:6]}"
    page.goto(f"{base_url}/?view=edit")
    kinds = page.get_by_label("Or add a record of the kind")
    expect(kinds.locator("option")).to_have_count(3)  # source, initiative, period report
    kinds.select_option("source")
    page.get_by_role("button", name="New record").click()
    page.get_by_label("Title (required)").fill("Walk Free quarterly report (test)")
    page.get_by_label("Key", exact=True).fill(key)
    page.get_by_role("button", name="Save").click()
    source = f"source:{key}"
    expect(page.locator("#edit h3")).to_have_text(source)
    # Its initiative's form offers a period report for it.
    initiative = _its_initiative(base_url)
    page.goto(f"{base_url}/?view=edit&id={initiative}")
    page.get_by_role("link", name="Add a period report for it").click()
    expect(page.get_by_label("Initiative (required)")).to_have_value(initiative)
    page.get_by_label("Period start (required)").fill("2026-07-01")
    page.get_by_label("Period end (required)").fill("2026-09-30")
    page.get_by_label("People reached", exact=True).fill("640")
    page.get_by_label("Funding", exact=True).fill("12500")
    page.get_by_role("button", name="Save").click()
    # The server's reasons stand beside the fields: a report needs a source, and money
    # its currency.
    expect(page.locator('[data-field="cited"] .problem')).to_be_visible()
    page.get_by_role("button", name="Add a citation").click()
    page.get_by_label("Source id").fill(source)
    page.get_by_label("What it says, in your words").fill("Reached 640 people in Q3.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator('[data-field="currency"] .problem')).to_contain_text("currency")
    expect(page.get_by_label("Currency", exact=True)).to_be_focused()
    accessible(page)
    page.keyboard.type("USD")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#edit h3")).to_contain_text("period-report:")
    [report] = [
        r
        for r in httpx.post(
            f"{base_url}/graphql", json={"query": REPORTS, "variables": {"id": initiative}}
        ).json()["data"]["initiative"]["periodReports"]
        if r["peopleReached"] == 640
    ]
    assert report["funding"] == 12500
    assert report["currency"] == "USD"
    assert [s["source"]["id"] for s in report["sources"]] == [source]
    # Closing the period, by keyboard: then it is locked against the partner's changes.
    page.get_by_label("Closed", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#edit-status")).to_contain_text("Saved")
    # Read again, the form is read only now, saying why; an admin may reopen it.
    expect(page.locator("#edit .notice")).to_contain_text("is closed")
    expect(page.locator("#edit .notice")).to_contain_text("an admin key may reopen it")
    expect(page.get_by_role("button", name="Save")).to_be_disabled()
    expect(page.get_by_label("People reached", exact=True)).not_to_be_editable()
    accessible(page)
    screenshot(page, "period-report-closed")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the form is {width} px wide on a 375 px window"
