"""The service as users run it: `a87map serve` in its own process, over real HTTP, and
the explorer page in a real headless Chromium (Debian's package, driven by Playwright;
no browser is downloaded). `make browser` installs Chromium; `CHROMIUM` names another."""

import os
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from service.config import PROJECT_ROOT, Settings
from service.editing import keys
from tests.conftest import free_port, run_db
from tests.e2e.browser import chromium_path, launch_chromium
from tests.serving import serving

# How long a check waits for the page to show something: a fresh Neo4j plans each query on
# first use, which can take seconds on a small machine. A wait limit, not a speed target.
expect.set_options(timeout=30_000)
T = TypeVar("T")
AXE = PROJECT_ROOT / "explorer" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(
    os.environ.get("A87_SCREENSHOTS_DIR", PROJECT_ROOT / ".artifacts" / "screenshots")
)


@pytest.fixture(scope="session")
def base_url(seeded: Settings) -> Iterator[str]:
    password = seeded.neo4j_password.get_secret_value()
    with serving(seeded.neo4j_uri, seeded.neo4j_user, password) as url:
        yield url


@pytest.fixture(scope="session")
def base_url_without_database() -> Iterator[str]:
    """The service with nothing listening where its Neo4j should be."""
    with serving(f"bolt://127.0.0.1:{free_port()}", "neo4j", "no-database-here") as url:
        yield url


def _chromium() -> str:
    found = chromium_path()
    if not found:
        pytest.fail("Chromium is not installed: run `make browser` or set CHROMIUM")
    return found


@pytest.fixture(scope="module")
def browser(seeded: Settings) -> Iterator[Browser]:
    """Per module, and only once the seed is in: Playwright's sync API holds an event loop
    in this thread while it runs, where the database fixtures need to start their own."""
    if not (PROJECT_ROOT / "explorer" / "dist" / "index.html").is_file():
        pytest.fail("the explorer is not built: run `make explorer`")
    with sync_playwright() as playwright:
        launched = launch_chromium(playwright, _chromium())
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, f"the page threw: {errors}"


def screenshot(page: Page, name: str, *, full_page: bool = True) -> None:
    """The page as the docs show it; `full_page=False` for what the window shows (a long
    table below would make a picture of megabytes)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=full_page)


def on_a_thread(work: Callable[[], T]) -> T:
    """Database work on a thread of its own: Playwright holds this thread's event loop."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(work).result()


def make_key(seeded: Settings, role: str, organization: str | None = None) -> tuple[str, str]:
    name = f"browser-{role}-{uuid.uuid4().hex[:8]}"
    made = on_a_thread(
        lambda: run_db(seeded, lambda db: keys.create_key(db, name, role, organization))
    )
    return name, made[1]


def ask_api(base_url: str, query: str, token: str | None = None, **variables: Any) -> Any:
    """The API's data for a query sent over HTTP as a script would, with the key if given;
    an answer with errors fails the test."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = httpx.post(
        f"{base_url}/graphql", json={"query": query, "variables": variables}, headers=headers
    ).json()
    assert "errors" not in body, body
    return body["data"]


def sign_in(page: Page, base_url: str, token: str) -> None:
    """Signs the page in with a key through the sign-in page, as a person would."""
    page.goto(f"{base_url}/?view=signin")
    page.get_by_label("API key").fill(token)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def accessible(page: Page) -> None:
    """axe-core (the explorer's pinned dev package) finds no violation on the page."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    assert found == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in found]
