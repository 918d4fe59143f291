"""The service as users run it: `a87map serve` in its own process, over real HTTP, and
the explorer page in a real headless Chromium (Debian's package, driven by Playwright;
no browser is downloaded). `make browser` installs Chromium; `CHROMIUM` names another."""

import os
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TypeVar

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from service.config import PROJECT_ROOT, Settings
from service.editing import keys
from tests.conftest import free_port, run_db
from tests.e2e.browser import chromium_path, launch_chromium

# How long a check waits for the page to show something: a fresh Neo4j plans each query on
# first use, which can take seconds on a small machine. A wait limit, not a speed target.
expect.set_options(timeout=30_000)
T = TypeVar("T")
AXE = PROJECT_ROOT / "explorer" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(
    os.environ.get("A87_SCREENSHOTS_DIR", PROJECT_ROOT / ".artifacts" / "screenshots")
)


@contextmanager
def serving(neo4j_uri: str, user: str, password: str, **settings: str) -> Iterator[str]:
    """The service in a process of its own; `settings` are more of its environment."""
    port = free_port()
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_uri,
        "NEO4J_USER": user,
        "NEO4J_PASSWORD": password,
        "NEO4J_CONNECTION_TIMEOUT_S": "2",
        "LOG_JSON": "true",
        **settings,
    }
    command = [sys.executable, "-m", "service.cli", "serve", "--port", str(port)]
    # The server's log goes to a file, not a pipe: a pipe nobody reads fills up over a
    # session, and a server blocked writing its log neither answers nor stops.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command, env=env, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_live(url, process, log)
            yield url
        finally:
            _stop(process, log)


def _tail(log: IO[bytes]) -> str:
    log.seek(0)
    return log.read().decode(errors="replace")[-4000:]


def _stop(process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    """Stop the server as a user's Ctrl-C would; one that has not ended well after its
    grace period is killed, and what it last logged is shown, so the session still ends."""
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        warnings.warn(
            f"the service did not stop within 60 s of SIGTERM:\n{_tail(log)}", stacklevel=1
        )


def _wait_until_live(url: str, process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the service exited:\n{_tail(log)}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.5)
    pytest.fail("the service did not answer /healthz within 60 s")


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
