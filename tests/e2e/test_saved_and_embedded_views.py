"""Views taken out of the page, in Chromium: the gap map and the network saved as SVG and
PNG look as drawn (the same fills, every node, the labels shown); a reading view embedded
in another site's frame shows the view alone with a link back, while a writing page
refuses to be framed (by the browser, from the server's header) and says so; and the code
a reader copies embeds the view as it is."""

import html
import re
import struct
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import accessible

pytestmark = pytest.mark.e2e
SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _saved(page: Page, button: str) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name=button).first.click()
    return Path(download.value.path())


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE), "not a PNG"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def test_the_gap_map_saved_looks_as_drawn(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=gaps&theme=theme:modern-slavery")
    expect(page.locator(".map")).to_have_attribute("data-state", "ready")
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('svg.world path.country')].map((p) => "
        "getComputedStyle(p).fill)"
    )
    saved = ElementTree.parse(_saved(page, "Save as SVG")).getroot()
    assert saved.tag == f"{SVG}svg"
    fills = [
        re.search(r"fill:([^;]+)", shape.get("style", "")).group(1)  # type: ignore[union-attr]
        for shape in saved.iter(f"{SVG}path")
        if "country" in shape.get("class", "")
    ]
    assert fills == drawn  # every country, in its own fill
    assert len(set(fills)) > 5
    box = page.locator("svg.world").get_attribute("viewBox") or ""
    width, height = (float(n) for n in box.split()[2:])
    assert _png_size(_saved(page, "Save as PNG")) == (round(width * 2), round(height * 2))


def test_the_network_saved_has_every_node_and_label(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=network")
    expect(page.locator("#network")).to_have_attribute("data-state", "ready")
    nodes = int(page.locator("#network").get_attribute("data-nodes") or 0)
    shown = page.evaluate(
        "() => window.explorer.network.nodes().map((n) => n.style('label')).filter(Boolean)"
    )
    saved = ElementTree.parse(_saved(page, "Save as SVG")).getroot()
    assert len(list(saved.iter(f"{SVG}circle"))) == nodes > 0
    text = " ".join(t.text or "" for t in saved.iter(f"{SVG}text"))
    for label in shown:
        assert label.split()[0] in text, label  # no label lost, none cut before a word
    width, height = _png_size(_saved(page, "Save as PNG"))
    assert width > 0
    assert height > 0


@pytest.fixture(scope="module")
def elsewhere() -> Iterator[str]:
    """Another site: a server of its own on another port (so another origin), which
    answers any path with a page that frames the map at the path's query."""

    class Framing(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            framed = html.escape(self.path.split("?", 1)[1], quote=True)
            page = f'<iframe id="map" src="{framed}" width="900" height="700"></iframe>'
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page.encode())

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Framing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _framed(page: Page, elsewhere: str, base_url: str, query: str) -> None:
    """The map's page inside a frame of another site's page."""
    page.goto(f"{elsewhere}/page.html?{base_url}/?{query}")


def test_a_reading_view_embedded_shows_the_view_alone(
    page: Page, base_url: str, elsewhere: str
) -> None:
    _framed(page, elsewhere, base_url, "view=country&iso=NGA&embed=1")
    frame = page.frame_locator("#map")
    expect(frame.locator("#profile h3")).to_have_text("Nigeria (NGA)")
    expect(frame.locator("header.top")).to_be_hidden()
    back = frame.get_by_role("link", name="Open in the Alliance 8.7 stakeholder map")
    expect(back).to_have_attribute("href", re.compile(r"view=country&iso=NGA$"))
    expect(back).to_have_attribute("target", "_blank")


def test_a_writing_page_is_never_framed(page: Page, base_url: str, elsewhere: str) -> None:
    for view in ("import", "edit", "review", "signin"):
        framing = httpx.get(f"{base_url}/?view={view}&embed=1").headers
        assert framing["content-security-policy"] == "frame-ancestors 'self'", view
    assert "frame-ancestors 'self'" in httpx.get(f"{base_url}/").headers["content-security-policy"]
    # The browser itself refuses: the frame never shows the page.
    _framed(page, elsewhere, base_url, "view=import&embed=1")
    page.wait_for_timeout(1500)
    inside = page.frames[-1]
    assert inside != page.main_frame
    assert inside.evaluate("() => document.querySelector('#view') === null")
    # The same frame with a reading view is drawn: what stops the one above is the header.
    _framed(page, elsewhere, base_url, "view=people&embed=1")
    expect(page.frame_locator("#map").locator("#view h2")).to_be_visible()
    # Opened on the map's own site with embed=1 anyway, it says why instead.
    page.goto(f"{base_url}/?view=import&embed=1")
    expect(page.locator("#view")).to_contain_text("opens only on the map's own site")


def test_the_embed_code_embeds_the_view_as_it_is(page: Page, base_url: str, elsewhere: str) -> None:
    page.goto(f"{base_url}/?view=gaps&theme=theme:child-labour")
    expect(page.locator(".map")).to_have_attribute("data-state", "ready")
    page.get_by_role("button", name="Embed this view").click()
    code = page.locator(".embed-code").input_value()
    source = re.search(r'src="([^"]+)"', code).group(1)  # type: ignore[union-attr]
    assert "view=gaps" in source
    assert "theme=theme%3Achild-labour" in source
    assert source.endswith("embed=1")
    accessible(page)
    _framed(page, elsewhere, base_url, source.split("?", 1)[1])
    expect(page.frame_locator("#map").locator(".map")).to_have_attribute("data-state", "ready")
