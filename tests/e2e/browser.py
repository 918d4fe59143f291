"""Starting Debian's Chromium for Playwright, shared by the browser tests and
bench/explorer.py: where it is, and the flags this machine needs."""

import os
import shutil

from playwright.sync_api import Browser, Playwright

# No sandbox as root, and no calls home at start-up: the closed network refuses them.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """`CHROMIUM` if set, else `chromium` on the PATH (`make browser` installs it)."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium")


def launch_chromium(playwright: Playwright, executable: str) -> Browser:
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
