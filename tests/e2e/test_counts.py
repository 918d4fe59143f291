"""Counts and sums in Chromium: the table is the API's `aggregate` for the dimensions
and filters chosen (kept in the link), its CSV and HXL downloads are the same groups, and
any other table on the page downloads as CSV with the cells its reader sees."""

import csv
import io
import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import accessible, screenshot

pytestmark = pytest.mark.e2e
AGGREGATE = """query($by: [AggregateBy!]!, $filter: InitiativeFilter) {
  aggregate(by: $by, filter: $filter) { group { value label } initiatives organizations } }"""


def _aggregate(base_url: str, by: list[str], **filter: str) -> list[dict[str, object]]:
    body = httpx.post(
        f"{base_url}/graphql",
        json={"query": AGGREGATE, "variables": {"by": by, "filter": filter or None}},
    ).json()
    assert "errors" not in body, body
    found: list[dict[str, object]] = body["data"]["aggregate"]
    return found


def test_the_counts_table_is_the_aggregate_chosen(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=counts&by=THEME,STATUS")
    expect(page.locator(".counts table")).to_be_visible()
    expect(page.locator("#group-by-1")).to_have_value("THEME")
    expect(page.locator("#group-by-2")).to_have_value("STATUS")
    expect(page.locator("#group-by-3")).to_have_value("")
    groups = _aggregate(base_url, ["THEME", "STATUS"])
    rows = page.locator(".counts tbody tr")
    expect(rows).to_have_count(len(groups))
    first = rows.first.locator("td").all_inner_texts()
    assert first[2] == f"{groups[0]['initiatives']:,}"
    # A filter narrows the table and stays in the link.
    page.get_by_label("Theme").select_option("theme:forced-labour")
    expect(page).to_have_url(re.compile(r"theme=theme%3Aforced-labour"))
    narrowed = _aggregate(base_url, ["THEME", "STATUS"], theme="theme:forced-labour")
    expect(rows).to_have_count(len(narrowed))
    accessible(page)
    screenshot(page, "counts")


def test_the_downloads_are_the_same_groups(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=counts&by=COUNTRY&theme=theme:child-labour")
    expect(page.locator(".counts table")).to_be_visible()
    groups = _aggregate(base_url, ["COUNTRY"], theme="theme:child-labour")
    for link, extra in (("#aggregate-csv", 0), ("#aggregate-hxl", 1)):
        href = page.locator(link).get_attribute("href") or ""
        answer = httpx.get(f"{base_url}{href}")
        assert answer.status_code == 200, answer.text
        lines = list(csv.reader(io.StringIO(answer.text)))
        assert "Initiatives" in lines[0]
        if extra:
            assert all(tag.startswith("#") for tag in lines[1] if tag)
        body = lines[1 + extra :]
        column = lines[0].index("Initiatives")
        assert [int(r[column]) for r in body] == [g["initiatives"] for g in groups]


def test_any_table_downloads_as_its_reader_sees_it(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=country&iso=NGA")
    table = page.locator("#view table").first
    expect(table).to_be_visible()
    caption = table.locator("caption").inner_text().strip()
    with page.expect_download() as download:
        page.get_by_role("button", name=f"Download “{caption}” as CSV").click()
    saved = list(csv.reader(io.StringIO(Path(download.value.path()).read_text("utf-8"))))
    assert saved[0] == [h.strip() for h in table.locator("thead th").all_inner_texts()]
    shown = [
        [c.strip() for c in row.locator("td").all_inner_texts()]
        for row in table.locator("tbody tr").all()
    ]
    assert [[c.lstrip("'") for c in row] for row in saved[1:]] == shown
