"""The import page's progress, cancel and result in Chromium, on a service that writes two
records a batch and rests a second after each, so an import can be watched and caught half-way:
a partner cancels an import and finds nothing of it on the map; then imports a real OCHA
sheet restricted to its own organization, reads the rows left out and why, watches the
progress bar, and opens a record the import created, and its history, from the result.
The map is put back as the seed has it afterwards."""

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from service.config import PROJECT_ROOT, Settings
from tests.conftest import reseed
from tests.e2e.conftest import accessible, make_key, on_a_thread, screenshot, sign_in
from tests.serving import serving

pytestmark = pytest.mark.e2e
REAL = PROJECT_ROOT.parent / "shared" / "real-files" / "3w"
PARTNER = "organization:fao"


@pytest.fixture(scope="module")
def slow_url(seeded: Settings) -> Iterator[str]:
    password = seeded.neo4j_password.get_secret_value()
    # Two records a batch and a second's rest after each: slow enough to watch.
    pace = {"LOAD_BATCH_SIZE": "2", "IMPORT_BATCH_PAUSE_S": "1.0"}
    with serving(seeded.neo4j_uri, seeded.neo4j_user, password, **pace) as url:
        yield url
    on_a_thread(lambda: reseed(seeded))


def _named(url: str, words: str) -> list[str]:
    query = "query($text: String!) { search(text: $text, first: 50) { id name } }"
    body = httpx.post(f"{url}/graphql", json={"query": query, "variables": {"text": words}})
    return [h["id"] for h in body.json()["data"]["search"] if words in h["name"]]


def test_a_partner_cancels_an_import_half_way(
    page: Page, slow_url: str, seeded: Settings, tmp_path: Path
) -> None:
    tag = uuid.uuid4().hex[:8]
    sheet = tmp_path / "fao-3w.csv"
    rows = [f"FAO,Seed kits {tag} {n},LBY" for n in range(60)]
    sheet.write_text("Partner,Activity,Country\n#org,#activity,#country\n" + "\n".join(rows))
    _, token = make_key(seeded, "editor", PARTNER)
    sign_in(page, slow_url, token)
    page.goto(f"{slow_url}/?view=import")
    page.get_by_label("Files").set_input_files(str(sheet))
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("button", name="Apply this import").click()
    words = page.locator("#import-progress-words")
    expect(words).to_contain_text(re.compile(r"Written [1-9]"), timeout=120_000)
    assert _named(slow_url, f"Seed kits {tag}"), "the batches written so far are on the map"
    page.get_by_role("button", name="Cancel the import").click()
    expect(page.locator("#import-status")).to_contain_text("Cancelled", timeout=60_000)
    assert _named(slow_url, f"Seed kits {tag}") == []


@pytest.mark.skipif(not REAL.is_dir(), reason="the shared real files are not beside the project")
def test_a_partner_imports_its_own_rows_of_a_real_sheet_and_watches_it_go_in(
    page: Page, slow_url: str, seeded: Settings
) -> None:
    """Libya's 3W names FAO in some rows: a key scoped to FAO imports those and is told,
    row by row, why the others are left out."""
    _, token = make_key(seeded, "editor", PARTNER)
    sign_in(page, slow_url, token)
    page.goto(f"{slow_url}/?view=import")
    page.get_by_label("Files").set_input_files(str(REAL / "ocha-libya-3w-2021.xlsx"))
    page.get_by_label("Country the sheet is about (if it has no country column)").fill("LBY")
    page.get_by_role("button", name="Preview").click()
    result = page.locator("#import-result")
    expect(result).to_contain_text("Preview", timeout=120_000)
    assert int(result.locator(".counts").get_attribute("data-created") or "0") > 0
    left_out = result.locator("table.skipped tbody")
    expect(left_out).to_contain_text(PARTNER)
    expect(left_out.locator("tr").first).to_contain_text("row ")
    page.get_by_role("button", name="Apply this import").click()
    expect(page.locator("#import-progress")).to_be_visible()
    expect(page.locator("#import-progress-words")).to_contain_text("Written", timeout=120_000)
    page.locator("#import-watch").scroll_into_view_if_needed()
    screenshot(page, "import-progress", full_page=False)
    expect(page.locator("#import-status")).to_have_text("Imported.", timeout=300_000)
    changed = page.locator("#import-changed")
    expect(changed).to_contain_text("created")
    accessible(page)
    changed.locator("li a").first.click()
    history = page.locator("#history")
    expect(history.locator("table").first).to_contain_text(f"editor for {PARTNER}")
    expect(history.locator("table").last).to_contain_text("ocha-libya-3w-2021.xlsx")
