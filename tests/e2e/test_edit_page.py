"""The edit page in Chromium: the form of a record comes from its kind's model; the
server's reason for a refused field is shown beside that field; one record edited in two
tabs at once is resolved in the form, field by field, by keyboard, on a phone-sized
window; signed out, the page is closed. The map is put back as the seed has it afterwards."""

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from service.config import Settings
from tests.conftest import reseed
from tests.e2e.conftest import accessible, make_key, on_a_thread, screenshot, sign_in

pytestmark = pytest.mark.e2e
RECORD = "organization:ilo"
FORM = """query($id: ID!) { editForm(id: $id) { version inputType
  fields { name required entry options { value } value } } }"""
READ = "query($id: ID!) { organization(id: $id) { name acronym description version } }"


@pytest.fixture
def editor(seeded: Settings) -> Iterator[str]:
    _, token = make_key(seeded, "editor")
    try:
        yield token
    finally:
        on_a_thread(lambda: reseed(seeded))


def _ask(base_url: str, query: str) -> dict:  # type: ignore[type-arg]
    answer = httpx.post(f"{base_url}/graphql", json={"query": query, "variables": {"id": RECORD}})
    body = answer.json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


def _open(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=edit&id={RECORD}")
    expect(page.locator("#edit")).to_have_attribute("data-state", "ready")


def test_the_form_is_the_models_and_fills_from_the_map(base_url: str) -> None:
    """Every field the kind's input takes is in the form, and each required one is marked;
    the values are what the map holds."""
    form = _ask(base_url, FORM)["editForm"]
    schema = httpx.post(
        f"{base_url}/graphql",
        json={
            "query": "query($t: String!) { __type(name: $t) { inputFields "
            "{ name defaultValue type { kind } } } }",
            "variables": {"t": form["inputType"]},
        },
    ).json()["data"]["__type"]["inputFields"]
    # Required: the input takes no null and has no default.
    taken = {
        f["name"]: f["type"]["kind"] == "NON_NULL" and f["defaultValue"] is None for f in schema
    }
    shown = {f["name"]: f for f in form["fields"]}
    assert set(shown) == set(taken) - {"key"}
    assert {n: f["required"] for n, f in shown.items()} == {n: taken[n] for n in shown}
    record = _ask(base_url, READ)["organization"]
    assert shown["name"]["value"] == record["name"]
    assert shown["acronym"]["value"] == record["acronym"]
    assert shown["type"]["value"] in {o["value"] for o in shown["type"]["options"]}
    assert shown["cited"]["value"], "a seeded record cites its source"
    assert form["version"] == record["version"]


def test_an_edit_in_two_tabs_is_resolved_field_by_field(
    page: Page, base_url: str, editor: str
) -> None:
    sign_in(page, base_url, editor)
    other = page.context.new_page()
    other.set_viewport_size({"width": 375, "height": 800})
    _open(page, base_url)
    _open(other, base_url)
    accessible(other)
    # The first tab saves a new acronym and description.
    page.get_by_label("Acronym", exact=True).fill("ILO-A")
    page.get_by_label("Description", exact=True).fill("Changed in the first tab.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved")
    # The second, opened before that save, changes the acronym too, and the name.
    other.get_by_label("Acronym", exact=True).fill("ILO-B")
    name = other.get_by_label("Name (required)", exact=True)
    name.fill("International Labour Organization (edited)")
    other.get_by_role("button", name="Save").click()
    status = other.locator("#edit-status")
    expect(status).to_contain_text("Someone else saved this record first")
    expect(status).to_contain_text("one field")
    # What only the first tab changed is taken; what both changed waits for a choice.
    expect(other.get_by_label("Description", exact=True)).to_have_value("Changed in the first tab.")
    expect(other.get_by_text("Acronym was changed in both versions")).to_be_visible()
    screenshot(other, "edit-conflict")
    accessible(other)
    # Saving without choosing says what to choose.
    other.get_by_role("button", name="Save").click()
    expect(status).to_contain_text("Choose which value to keep for: Acronym")
    # By keyboard: the choice is focused; the arrow moves to the saved value.
    expect(other.get_by_role("radio", name="Keep yours: ILO-B")).to_be_focused()
    other.keyboard.press("ArrowDown")
    expect(other.get_by_role("radio", name="Take the one saved: ILO-A")).to_be_checked()
    other.get_by_role("button", name="Save").focus()
    other.keyboard.press("Enter")
    expect(status).to_contain_text("Saved")
    record = _ask(base_url, READ)["organization"]
    assert record["acronym"] == "ILO-A"
    assert record["description"] == "Changed in the first tab."
    assert record["name"] == "International Labour Organization (edited)"
    width = other.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the form is {width} px wide on a 375 px window"


def test_a_refused_field_says_why_beside_it(page: Page, base_url: str, editor: str) -> None:
    sign_in(page, base_url, editor)
    _open(page, base_url)
    before = _ask(base_url, READ)["organization"]["version"]
    page.get_by_label("Founded", exact=True).fill("last spring")
    page.get_by_role("button", name="Save").click()
    beside = page.locator('[data-field="founded"] .problem')
    expect(beside).to_contain_text("YYYY")
    expect(page.get_by_label("Founded", exact=True)).to_be_focused()
    assert _ask(base_url, READ)["organization"]["version"] == before
    accessible(page)
    screenshot(page, "edit-refused-field")


def test_signed_out_the_edit_page_is_closed(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=edit&id={RECORD}")
    expect(page.locator("main")).to_contain_text("Changing a record needs a key that writes")
    expect(page.get_by_role("button", name="Save")).to_have_count(0)
    expect(page.locator("#views")).not_to_contain_text("Edit")
