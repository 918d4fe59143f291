"""The review queue page in Chromium: look-alike organization records an import queued are
shown side by side with why they were paired; an editor says Different to one pair and
Same to another, undoes that merge, and the queue remembers who decided what. A partner's
key is not offered the page. The map is put back as the seed has it afterwards."""

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from service.config import Settings
from tests.conftest import reseed
from tests.e2e.conftest import accessible, make_key, on_a_thread, screenshot, sign_in

pytestmark = pytest.mark.e2e
# Two organizations new to the map, each also written misspelt, as field sheets do.
SHEET = (
    "Organization,Activity,Country\n#org,#activity,#country\n"
    "Norwegian Refugee Council,School repairs,IRQ\n"
    "Norweigan Refugee Council,Shelter repairs,IRQ\n"
    "International Rescue Committee,Water trucking,SYR\n"
    "International Rescue Commitee,Hygiene kits,SYR\n"
)


@pytest.fixture
def queued(seeded: Settings, base_url: str) -> Iterator[str]:
    """An editor's key, after its import queued the sheet's look-alikes."""
    _, token = make_key(seeded, "editor")
    try:
        sent = httpx.post(
            f"{base_url}/import",
            files=[("files", ("look-alikes.csv", SHEET.encode()))],
            headers={"Authorization": f"Bearer {token}"},
            timeout=120,
        )
        assert sent.status_code == 200, sent.text
        queued = {q["name"] for q in sent.json()["queued"]}
        assert {"International Rescue Commitee", "Norweigan Refugee Council"} <= queued, sent.json()
        yield token
    finally:
        on_a_thread(lambda: reseed(seeded))


def _pair(page: Page, name: str):  # type: ignore[no-untyped-def]
    return page.locator("article.candidate").filter(has_text=name).first


def test_an_editor_decides_look_alikes_and_undoes_a_merge(
    page: Page, base_url: str, queued: str
) -> None:
    sign_in(page, base_url, queued)
    page.get_by_role("link", name="Review look-alikes").click()
    different = _pair(page, "Norweigan Refugee Council")
    expect(different).to_contain_text("both work in IRQ")
    expect(different).to_contain_text("Not decided yet.")
    accessible(page)
    screenshot(page, "review-queue")
    different.get_by_label("Why (kept with the decision)").fill("Checked with the office")
    different.get_by_role("button", name="Different").click()
    expect(different.get_by_role("status")).to_contain_text("Decided different by")
    same = _pair(page, "International Rescue Commitee")
    same.get_by_role("button", name="Same, keep International Rescue Committee").click()
    status = same.get_by_role("status")
    expect(status).to_contain_text("Merged into International Rescue Committee")
    status.get_by_role("button", name="Undo the merge").click()
    expect(status).to_contain_text("The merge is undone")
    # A pair judged different is never listed again; the undone merge's pair stays, with
    # who decided it and when.
    page.reload()
    expect(_pair(page, "International Rescue Commitee")).to_be_visible()
    expect(_pair(page, "Norweigan Refugee Council")).to_have_count(0)
    expect(_pair(page, "International Rescue Commitee")).to_contain_text("Last decided same by")


def test_a_partner_is_not_offered_the_review_page(
    page: Page, base_url: str, seeded: Settings
) -> None:
    _, token = make_key(seeded, "editor", "organization:walk-free-foundation")
    sign_in(page, base_url, token)
    expect(page.locator("#views")).to_contain_text("Import")
    expect(page.locator("#views")).not_to_contain_text("Review")
    page.goto(f"{base_url}/?view=review")
    expect(page.locator("#view")).to_contain_text("cannot judge other organizations' records")
