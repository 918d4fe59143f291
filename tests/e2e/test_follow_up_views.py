"""The explorer's follow-up views in Chromium on the seed: the GCG's seats with a person's
seats beside them, an organization's memberships and commitments, the commitments by
status with overdue ones marked, an indicator's values over time for a country, and the
evidence directory. Each view is saved as a screenshot (see conftest.py)."""

import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e
# The standings the people view lists apart from members (explorer/src/views/people.ts).
NOT_MEMBER = "OBSERVER, PARTNER, PENDING, DECLINED, BLOCKED, WITHDRAWN"


def _ask(base_url: str, query: str) -> dict[str, Any]:
    body: dict[str, Any] = httpx.post(f"{base_url}/graphql", json={"query": query}).json()
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]
    return found


def test_the_seats_of_the_gcg_and_a_persons_seats(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=people")
    seats = _ask(
        base_url, '{ actionGroup(id: "action-group:global-coordinating-group") { seats { seat } } }'
    )
    count = page.locator(".people .count")
    expect(count).to_have_attribute("data-count", str(len(seats["actionGroup"]["seats"])))
    expect(page.locator(".people tbody tr")).to_have_count(len(seats["actionGroup"]["seats"]))
    expect(page.locator(".people")).to_contain_text("not named by the source")
    # Those standing other than as members: IOE pending since the meeting, IPCCLA blocked
    # by one of its members, and the OSCE, ICAT's partner and an observer at the UN.
    others = _ask(
        base_url,
        "{ memberships(standings: [OBSERVER, PARTNER, PENDING, DECLINED, BLOCKED, WITHDRAWN]) "
        "{ standing } }",
    )["memberships"]
    standings = page.locator(".standings tbody tr")
    expect(standings).to_have_count(len(others))
    expect(page.locator(".standings")).to_contain_text("Pending")
    expect(page.locator(".standings")).to_contain_text("Blocked")
    expect(page.locator(".standings")).to_contain_text("Observer")
    page.get_by_role("button", name="Mathieu Luciano").first.click()
    panel = page.locator("#details")
    expect(panel.locator("h2")).to_have_text("Mathieu Luciano")
    # One person, every seat he holds: two on the GCG, one on each action group, and the
    # meeting.
    held = _ask(
        base_url, '{ node(id: "person:mathieu-luciano") { ... on Person { seats { seat } } } }'
    )
    expect(panel.locator(".seats tbody tr")).to_have_count(len(held["node"]["seats"]))
    expect(panel.locator(".seats")).to_contain_text("Chair, Action Group on Migration")
    screenshot(page, "people")
    # Following the organization shows its memberships and commitments.
    panel.get_by_role("button", name="International Organization for Migration").first.click()
    expect(panel.locator(".memberships tbody tr").first).to_be_visible()
    expect(panel.locator(".memberships")).to_contain_text("Member")


def test_an_organizations_memberships_and_commitments(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=people&open=organization:ioe")
    panel = page.locator("#details")
    expect(panel.locator("h2")).to_have_text("International Organisation of Employers")
    row = panel.locator(".memberships tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Pending")
    expect(row).to_contain_text("2017-11-13")
    # Every commitment of the Secretariat, every membership of Argentina's government.
    recorded = _ask(
        base_url,
        """{ node(id: "action-group:secretariat") { ... on ActionGroup { commitments { id } } }
             argentina: organization(id: "organization:government-of-argentina") {
               memberships { standing } } }""",
    )
    page.goto(f"{base_url}/?view=people&open=action-group:secretariat")
    expect(panel.locator(".commitments li")).to_have_count(len(recorded["node"]["commitments"]))
    page.goto(f"{base_url}/?view=people&open=organization:government-of-argentina")
    expect(panel.locator(".memberships tbody tr")).to_have_count(
        len(recorded["argentina"]["memberships"])
    )
    expect(panel.locator(".commitments li")).to_contain_text("IV Global Conference")
    screenshot(page, "organization")


def test_commitments_by_status_with_overdue_ones_marked(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=commitments&on=2026-12-01")
    total = _ask(base_url, "{ commitments { totalCount } }")["commitments"]["totalCount"]
    late = _ask(base_url, '{ commitments(filter: {overdueOn: "2026-12-01"}) { totalCount } }')
    count = page.locator(".commitments .count")
    expect(count).to_have_attribute("data-count", str(total))
    expect(count).to_have_attribute("data-overdue", str(late["commitments"]["totalCount"]))
    expect(page.locator("tr.overdue")).to_have_count(late["commitments"]["totalCount"])
    expect(page.locator("[data-status=PROPOSED] caption")).to_have_text("Proposed (1)")
    expect(page.locator("tr.overdue").first).to_contain_text("Overdue")
    screenshot(page, "commitments")
    # Earlier, nothing was overdue yet; the day is in the link.
    page.fill("#filter-on", "2018-03-01")
    page.locator("#filter-on").dispatch_event("change")
    expect(count).to_have_attribute("data-overdue", "0")
    expect(page).to_have_url(re.compile(r"on=2018-03-01"))
    page.check("#filter-overdue")
    expect(count).to_have_attribute("data-count", "0")


def test_an_indicators_values_over_time_for_a_country(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=indicators&indicator=indicator:sdg-8-7-1&country=NGA")
    values = _ask(
        base_url,
        '{ node(id: "indicator:sdg-8-7-1") { ... on Indicator { values(country: "NGA") { dataYear } } } }',
    )["node"]["values"]
    results = page.locator(".indicator")
    expect(results.locator(".count")).to_have_attribute("data-count", str(len(values)))
    # A figure whose publisher gives a period, not a year (UNICEF's), is in the table only.
    dated = [v for v in values if v["dataYear"] is not None]
    expect(results.locator("svg.chart")).to_have_attribute("data-points", str(len(dated)))
    expect(results.locator("tbody")).to_contain_text("a year in 2013-2021")
    expect(results.locator("tbody")).to_contain_text("Nigeria")
    expect(results.locator(".legend")).to_contain_text("(regional estimate)")
    expect(results.locator("tbody")).to_contain_text("the country's own figure")
    expect(results.locator(".target")).to_contain_text("by 2025")
    screenshot(page, "indicator")
    # Forced labour has only regional figures, from two editions: a line over time for
    # each region, a point for each published figure.
    regional = _ask(
        base_url,
        """{ node(id: "indicator:forced-labour-prevalence") { ... on Indicator {
             values { place { ... on Region { id } ... on Country { id } } } } } }""",
    )["node"]["values"]
    page.select_option("#filter-indicator", "indicator:forced-labour-prevalence")
    page.select_option("#filter-country", "")
    expect(results.locator("svg.chart")).to_have_attribute("data-points", str(len(regional)))
    expect(results.locator("svg.chart polyline")).to_have_count(
        len({v["place"]["id"] for v in regional})
    )


def test_the_evidence_directory_filters_by_theme(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=sources")
    total = _ask(base_url, "{ sources { totalCount } }")["sources"]["totalCount"]
    count = page.locator(".directory .count")
    expect(count).to_have_attribute("data-count", str(total))
    page.select_option("#filter-theme", "theme:child-labour")
    narrowed = _ask(base_url, '{ sources(filter: {theme: "child-labour"}) { totalCount } }')
    expect(count).to_have_attribute("data-count", str(narrowed["sources"]["totalCount"]))
    assert 0 < narrowed["sources"]["totalCount"] < total
    expect(page.locator(".directory tbody")).to_contain_text("Child labour")
    screenshot(page, "evidence")


def test_a_date_out_of_range_says_what_to_fix(page: Page, base_url: str) -> None:
    """A five-digit year typed into the commitments view (and kept in the link, so it
    comes back on a reload) is refused as bad input naming the value, never as a failure
    of the map."""
    page.goto(f"{base_url}/?view=commitments&on=12019-01-01&overdue=1")
    alert = page.locator("#alert")
    expect(alert).to_be_visible()
    expect(alert).to_have_attribute("data-code", "BAD_USER_INPUT")
    expect(alert).to_contain_text("12019-01-01")
    page.reload()
    expect(alert).to_have_attribute("data-code", "BAD_USER_INPUT")


def test_the_commitments_day_waits_for_the_analyst_and_refuses_impossible_days(
    page: Page, base_url: str
) -> None:
    page.goto(f"{base_url}/?view=commitments&on=2026-12-01")
    count = page.locator(".commitments .count")
    expect(count).to_have_attribute("data-count", re.compile(r"\d+"))
    asked: list[str] = []
    page.on(
        "request",
        lambda r: asked.append(r.post_data or "") if r.url.endswith("/graphql") else None,
    )
    day = page.locator("#filter-on")
    day.focus()
    # Typed as a person types it: month, day, then the year digit by digit.
    page.keyboard.type("03012019", delay=60)
    expect(page).to_have_url(re.compile(r"on=2019-03-01"), timeout=10_000)
    page.wait_for_timeout(800)
    assert len([a for a in asked if "commitments" in a]) == 1, asked
    day.fill("1200-01-01")
    day.dispatch_event("change")
    expect(page.locator("#filter-on-problem")).to_contain_text("between 1990 and 2100")
    expect(page).to_have_url(re.compile(r"on=2019-03-01"))
