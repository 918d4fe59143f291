"""The country profile in Chromium: Nigeria's page gives each theme's published need with
its source and year against the work present (here, none at country level, said as such),
the actors and their roles, the context lists and the evidence, on a desktop and on a
375 px window with the answer in view, printable, and its link restores it."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import accessible, screenshot

pytestmark = pytest.mark.e2e


def test_nigerias_profile(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=country&iso=NGA")
    profile = page.locator("#profile")
    expect(profile).to_have_attribute("data-state", "ready")
    expect(profile.locator("h3")).to_have_text("Nigeria (NGA)")
    need = profile.locator("table").first
    expect(need).to_contain_text("Child labour")
    expect(need).to_contain_text("31.48 % of children aged 5-17")
    expect(need).to_contain_text("The State of the World's Children 2023")
    expect(need).to_contain_text("Modern slavery")
    expect(need).to_contain_text("no country-level work recorded")
    expect(profile).to_contain_text("Actors and their roles")
    expect(profile).to_contain_text("Standing in the Alliance and coordination")
    expect(profile).to_contain_text("Evidence")
    accessible(page)
    screenshot(page, "country-profile")
    # A phone shows the answer first: the need table's heading is in view on arrival.
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{base_url}/?view=country&iso=NGA")
    expect(profile).to_have_attribute("data-state", "ready")
    first = profile.locator("h3").bounding_box()
    assert first is not None
    assert first["y"] < 740, "the profile's answer starts below the fold on a phone"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the profile is {width} px wide on a 375 px window"


def test_the_link_restores_another_country(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=country")
    page.get_by_label("Country (ISO code, such as NGA)").fill("IND")
    page.get_by_role("button", name="Show its profile").click()
    expect(page.locator("#profile h3")).to_have_text("India (IND)")
    link = page.url
    page.goto(f"{base_url}/?view=network")
    page.goto(link)
    expect(page.locator("#profile h3")).to_have_text("India (IND)")
