"""The explorer's "What changed" page in Chromium: from the GCG's Buenos Aires meeting to
today, after an edit, it lists what the API's `diff` lists for the same two days (the new
organization among the records added), and it offers the map's meetings for either end."""

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Page, expect

from service.config import Settings
from tests.conftest import reseed
from tests.e2e.conftest import accessible, ask_api, make_key, on_a_thread, screenshot

pytestmark = pytest.mark.e2e
DIFF = """query($from: DateTime!, $to: DateTime!) { diff(from: $from, to: $to) {
  records { fact change } relationships { fact } } }"""
CREATE_ORG = """mutation($input: OrganizationInput!) {
  createOrganization(input: $input, confirmNew: true) { organization { id } } }"""
CITED = [{"source": "source:gcg-2017-report", "section": "Agenda", "note": "Test record."}]
MEETING = "2017-11-13"


@pytest.fixture
def admin(seeded: Settings) -> Iterator[str]:
    _, token = make_key(seeded, "admin")
    try:
        yield token
    finally:
        on_a_thread(lambda: reseed(seeded))


def test_what_changed_since_the_first_meeting_is_what_diff_says(
    page: Page, base_url: str, admin: str
) -> None:
    key = f"changes-page-{uuid.uuid4().hex[:6]}"
    organization = {"key": key, "name": f"Changes Page {key}", "type": "NGO", "cited": CITED}
    made = ask_api(base_url, CREATE_ORG, admin, input=organization)
    made_id = made["createOrganization"]["organization"]["id"]
    today = datetime.now(UTC).date().isoformat()

    page.goto(f"{base_url}/?view=changes&from={MEETING}&to={today}")
    listed = ask_api(
        base_url, DIFF, **{"from": f"{MEETING}T23:59:59.999Z", "to": f"{today}T23:59:59.999Z"}
    )["diff"]
    count = len(listed["records"]) + len(listed["relationships"])
    expect(page.locator("#changes .count")).to_have_attribute("data-count", str(count))
    records = page.locator("#changes table").first
    expect(records.locator("tbody tr")).to_have_count(len(listed["records"]))
    row = records.locator("tbody tr", has_text=made_id)
    expect(row).to_contain_text("Added")
    expect(row.locator("td").last).to_have_text("source:gcg-2017-report")
    # The map's meetings are offered for either end, the Buenos Aires one among them.
    expect(page.locator(f"#changes-from-meeting option[value='{MEETING}']")).to_have_count(1)
    accessible(page)
    screenshot(page, "changes")
