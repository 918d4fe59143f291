"""Signing in from the explorer, in Chromium against the served map: the key is typed once
and kept nowhere the page's scripts or the address bar can reach; the session survives a
reload; a write the page did not sign with the session's CSRF token is refused; signing
out ends the session. By keyboard alone, on a phone-sized window too."""

import pytest
from playwright.sync_api import Page, expect

from service.config import Settings
from service.editing import keys
from tests.conftest import run_db
from tests.e2e.conftest import accessible, make_key, on_a_thread, screenshot

pytestmark = pytest.mark.e2e
ORGANIZATION = "organization:ilo"
# A write sent from the page without the session's CSRF token, as another script might.
UNSIGNED_WRITE = """async () => {
  const form = new FormData();
  form.append("files", new Blob(["#org,#activity,#country\\nA,B,KEN\\n"]), "sheet.csv");
  const sent = await fetch("/import?dryRun=true", {method: "POST", credentials: "same-origin",
    body: form});
  return sent.status;
}"""
STORED = """() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage),
  document.cookie, location.href, document.documentElement.outerHTML])"""


def _sign_in_by_keyboard(page: Page, token: str) -> None:
    field = page.get_by_label("API key")
    expect(field).to_be_focused()
    page.keyboard.type(token)
    page.keyboard.press("Enter")


def test_a_partner_signs_in_by_keyboard_and_the_key_is_kept_nowhere(
    page: Page, base_url: str, seeded: Settings
) -> None:
    name, token = make_key(seeded, "editor", ORGANIZATION)
    page.goto(f"{base_url}/?view=signin")
    expect(page.get_by_label("API key")).to_be_visible()
    accessible(page)
    _sign_in_by_keyboard(page, token)
    expect(page.locator('[data-field="name"]')).to_have_text(name)
    expect(page.locator('[data-field="role"]')).to_have_text("editor")
    expect(page.locator('[data-field="organization"]')).to_have_text(ORGANIZATION)
    expect(page.locator('[data-field="may"]')).to_contain_text(f"what {ORGANIZATION} does")
    expect(page.locator("#views")).to_contain_text(f"Signed in: {name} (editor)")
    assert token not in page.evaluate(STORED)
    accessible(page)
    # The session cookie is HttpOnly: the page's scripts do not see it.
    assert "a87_session" not in page.evaluate("document.cookie")
    screenshot(page, "signed-in")
    # A reload asks the server who is signed in; still nothing of the key in the page.
    page.reload()
    expect(page.locator('[data-field="name"]')).to_have_text(name)
    assert token not in page.evaluate(STORED)
    # A write the page's own session does not sign with its CSRF token is refused.
    assert page.evaluate(UNSIGNED_WRITE) == 403
    # Signing out, by keyboard: the session ends on the server.
    expect(page.get_by_role("button", name="Sign out")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("API key")).to_be_visible()
    expect(page.locator("#views")).to_contain_text("Sign in")
    status = page.evaluate('async () => (await fetch("/session")).status')
    assert status == 401


def test_a_key_not_accepted_says_so_on_a_phone(page: Page, base_url: str, seeded: Settings) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    name, token = make_key(seeded, "editor")
    on_a_thread(lambda: run_db(seeded, lambda db: keys.revoke_key(db, name)))
    page.goto(f"{base_url}/?view=signin")
    _sign_in_by_keyboard(page, token)
    expect(page.locator("#sign-in-status")).to_contain_text("not accepted")
    expect(page.get_by_label("API key")).to_have_value("")
    accessible(page)
    # Nothing is cut off: the form fits the phone's width.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    screenshot(page, "sign-in-phone")
