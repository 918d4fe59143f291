"""The import page in Chromium: a partner signs in, chooses a 3W sheet, reads the preview
(what would be created, each row left out with its row number and why, the organizations
found on the map), applies it, finds its work on the map and opens the created record's
history (who, when, and the file row it came from); signed out, the page is closed. A real OCHA sheet goes the same way where the shared files are at hand."""

import re
import uuid
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from service.config import PROJECT_ROOT, Settings
from tests.e2e.conftest import accessible, make_key, screenshot, sign_in

pytestmark = pytest.mark.e2e
PARTNER = "organization:walk-free-foundation"
REAL = PROJECT_ROOT.parent / "shared" / "real-files" / "3w"


def _initiatives_named(base_url: str, name: str) -> list[str]:
    """The ids of the initiatives of exactly that name (search finds them by their words)."""
    query = "query($text: String!) { search(text: $text, first: 50) { id kind name } }"
    body = httpx.post(f"{base_url}/graphql", json={"query": query, "variables": {"text": name}})
    hits = body.json()["data"]["search"]
    return [h["id"] for h in hits if h["kind"] == "initiative" and h["name"] == name]


def test_a_partner_previews_and_applies_its_own_sheet(
    page: Page, base_url: str, seeded: Settings, tmp_path: Path
) -> None:
    tag = uuid.uuid4().hex[:6]
    sheet = tmp_path / "partner-3w.csv"
    sheet.write_text(
        "Organization,Activity,Country\n#org,#activity,#country\n"
        f"Walk Free Foundation,Kiln survey {tag},NPL\n"
        f"International Labour Organization,Labour inspection {tag},NPL\n"
        f",Nobody's work {tag},NPL\n",
        encoding="utf-8",
    )
    _, token = make_key(seeded, "editor", PARTNER)
    page.goto(f"{base_url}/?view=import")
    expect(page.locator("#view")).to_contain_text("Importing needs a key")
    expect(page.locator("#views")).not_to_contain_text("Import")
    sign_in(page, base_url, token)
    page.get_by_role("link", name="Import").click()
    page.get_by_label("Files").set_input_files(str(sheet))
    page.get_by_role("button", name="Preview").click()
    result = page.locator("#import-result")
    expect(result).to_contain_text("Preview")
    # Its own row would go in (one initiative, and the file's own source record).
    expect(result.locator(".counts")).to_have_attribute("data-created", "2")
    left_out = result.locator("table.skipped tbody")
    expect(left_out).to_contain_text("row 4")
    expect(left_out).to_contain_text(f"gives {PARTNER} no role in it")
    expect(left_out).to_contain_text("row 5")
    expect(left_out).to_contain_text("is empty")
    expect(result).to_contain_text("Organizations found on the map")
    assert not _initiatives_named(base_url, f"Kiln survey {tag}")  # a preview writes nothing
    accessible(page)
    screenshot(page, "import-preview")
    page.get_by_role("button", name="Apply this import").click()
    expect(page.locator("#import-status")).to_have_text("Imported.")
    expect(result).to_contain_text("were created")
    [created] = _initiatives_named(base_url, f"Kiln survey {tag}")
    assert not _initiatives_named(base_url, f"Labour inspection {tag}")
    # The record the import created, and its history: who (a partner's key is shown by
    # its role and scope), when, and the file row it came from.
    page.goto(f"{base_url}/?view=history&id={created}")
    history = page.locator("#history")
    expect(history).to_contain_text(f"Kiln survey {tag}")
    changes = history.locator("table").first
    expect(changes).to_contain_text(f"editor for {PARTNER}")
    expect(changes).to_contain_text(f"name: (none) → Kiln survey {tag}")
    expect(history.locator("table").last).to_contain_text("partner-3w.csv")
    expect(history.locator("table").last).to_contain_text("row 3")
    accessible(page)
    screenshot(page, "history")
    # Signed out, the import page is closed again.
    page.goto(f"{base_url}/?view=signin")
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator("#views")).not_to_contain_text("Import")
    page.goto(f"{base_url}/?view=import")
    expect(page.locator("#view")).to_contain_text("Importing needs a key")


@pytest.mark.skipif(not REAL.is_dir(), reason="the shared real files are not beside the project")
def test_a_real_ocha_sheet_previews_with_its_skipped_rows(
    page: Page, base_url: str, seeded: Settings
) -> None:
    """Libya's 3W (XLSX, no country column): named as Libya, it previews with every row
    left out listed with its row number and reason."""
    _, token = make_key(seeded, "editor")
    sign_in(page, base_url, token)
    page.goto(f"{base_url}/?view=import")
    page.get_by_label("Files").set_input_files(str(REAL / "ocha-libya-3w-2021.xlsx"))
    page.get_by_label(re.compile("Country the sheet is about")).fill("LBY")
    page.get_by_role("button", name="Preview").click()
    result = page.locator("#import-result")
    expect(result).to_contain_text("Preview", timeout=120_000)
    created = int(result.locator(".counts").get_attribute("data-created") or "0")
    assert created > 0
    for row in result.locator("table.skipped tbody tr").all()[:20]:
        cells = row.locator("td").all_inner_texts()
        assert re.search(r"row \d+", cells[1]), cells
        assert cells[3].strip(), cells
