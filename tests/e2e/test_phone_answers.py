"""Every reading view on a phone-sized window (375 x 740 px): the answer (the drawing, the
map or the first table) starts within the first screen, without scrolling, and nothing is
wider than the window."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e
# Each view, and what its answer is.
ANSWERS = {
    "network": "#network",
    "gaps": ".map svg",
    "country": "#profile h3",
    "overlaps": "#view table",
    "who": "#view table",
    "people": "#view table",
    "commitments": "#view table",
    "indicators": "#view svg, #view table",
    "sources": "#view table",
}
HEIGHT = 740


@pytest.mark.parametrize("view", list(ANSWERS))
def test_the_answer_is_on_the_first_screen(page: Page, base_url: str, view: str) -> None:
    page.set_viewport_size({"width": 375, "height": HEIGHT})
    page.goto(f"{base_url}/?view={view}")
    answer = page.locator(ANSWERS[view]).first
    expect(answer).to_be_attached(timeout=60_000)
    expect(page.locator("#view [aria-busy=true]")).to_have_count(0, timeout=60_000)
    box = answer.bounding_box()
    assert box is not None, f"?view={view} draws no answer"
    assert box["y"] < HEIGHT - 40, f"?view={view}: the answer starts at {box['y']:.0f} px"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"?view={view} is {width} px wide"
