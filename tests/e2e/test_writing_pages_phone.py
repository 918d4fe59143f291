"""Every writing page on a phone-sized window (375 px) and by keyboard alone, signed in as
an editor: nothing is wider than the window, and pressing Tab from the top of the page
reaches each of the page's buttons, in the order they are read."""

import pytest
from playwright.sync_api import Page, expect

from service.config import Settings
from tests.e2e.conftest import accessible, make_key, sign_in

pytestmark = pytest.mark.e2e
# Each writing page, and a button it must offer by keyboard.
PAGES = {
    "signin": "Sign out",
    "import": "Preview",
    "review": None,  # its buttons are per pair; the queue may be empty on the seed
    "edit": "Save",
    "history": "Show its history",
}
FOCUSED = "document.activeElement && (document.activeElement.innerText || '').trim()"


@pytest.mark.parametrize("view", list(PAGES))
def test_a_writing_page_fits_a_phone_and_works_by_keyboard(
    page: Page, base_url: str, seeded: Settings, view: str
) -> None:
    _, token = make_key(seeded, "editor")
    page.set_viewport_size({"width": 375, "height": 740})
    sign_in(page, base_url, token)
    extra = "&id=organization:ilo" if view == "edit" else ""
    page.goto(f"{base_url}/?view={view}{extra}")
    expect(page.locator("#view h2")).to_be_visible()
    if view == "edit":
        expect(page.locator("#edit")).to_have_attribute("data-state", "ready")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"?view={view} is {width} px wide on a 375 px window"
    accessible(page)
    wanted = PAGES[view]
    if wanted is None:
        return
    reached = []
    for _ in range(200):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(FOCUSED))
        if reached[-1] == wanted:
            break
    assert wanted in reached, f"Tab never reached {wanted!r} on ?view={view}: {reached[-10:]}"
