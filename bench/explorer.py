"""Records how long each explorer view takes to show its data, and how much the page
downloads, in bench/explorer_results.json (see bench/README.md).

Run it from the project folder against a served, seeded map (`make run`), with Debian's
Chromium installed:

    .venv/bin/python -m bench.explorer [BASE_URL]
"""

import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from tests.e2e.browser import chromium_path, launch_chromium

HERE = Path(__file__).resolve().parent
BUILT = HERE.parent / "explorer" / "dist"
# Each view, and the element that says its data is drawn.
VIEWS = {
    "network (whole map)": ("?view=network", "#network"),
    "network (child labour)": ("?view=network&theme=theme:child-labour", "#network"),
    "gap map (forced labour)": ("?view=gaps&theme=theme:forced-labour", ".map"),
    "overlaps": ("?view=overlaps", ".pairs"),
    "who is doing what, where": ("?view=who", ".who"),
}


def _time_to_ready(page: Page, url: str, ready: str) -> float:
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(f'{ready}[data-state="ready"]', timeout=60_000)
    return (time.perf_counter() - start) * 1000


def _views(base_url: str, runs: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, chromium_path() or "chromium")
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for label, (query, ready) in VIEWS.items():
            _time_to_ready(page, base_url + "/" + query, ready)  # warm caches and plans
            samples = [_time_to_ready(page, base_url + "/" + query, ready) for _ in range(runs)]
            results[label] = {
                "median_ms": round(statistics.median(samples), 1),
                "max_ms": round(max(samples), 1),
                "runs": runs,
            }
        browser.close()
    return results


def _assets() -> dict[str, Any]:
    sizes = {}
    for asset in sorted((BUILT / "assets").iterdir()):
        raw = asset.read_bytes()
        sizes[asset.suffix.lstrip(".")] = {
            "kB": round(len(raw) / 1000, 1),
            "gzip_kB": round(len(gzip.compress(raw)) / 1000, 1),
        }
    return sizes


def main() -> None:
    base_url = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
    results = {
        "cores": os.cpu_count(),
        "assets": _assets(),
        "time_to_data": _views(base_url, runs=10),
    }
    (HERE / "explorer_results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
