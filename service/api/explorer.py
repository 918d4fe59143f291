"""The pages built from `explorer/` (Vite writes them to `explorer/dist/`): the explorer at
`/`, GraphiQL at `/graphql` (for a browser; clients POST there) and the OpenAPI page at
`/docs`. All three are the project's own assets, built from npm packages: none loads
anything from a CDN, so they work offline. The explorer itself only ever talks to
/graphql."""

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Page not built</title></head><body>
<h1>This page has not been built</h1>
<p>Build it with <code>make explorer</code> (or <code>make run</code>), then reload.
The GraphQL API answers POST requests at /graphql meanwhile.</p></body></html>"""


# The explorer's pages that write or sign in (explorer/src/main.ts, `writing` and signin):
# never drawn inside another site's frame, where a page laid over them could steer a
# signed-in editor's clicks. Every other view may be embedded with `embed=1`.
WRITING_VIEWS = frozenset({"import", "review", "edit", "signin"})
_OWN_FRAMES = {"Content-Security-Policy": "frame-ancestors 'self'", "X-Frame-Options": "SAMEORIGIN"}
_ANY_FRAME = {"Content-Security-Policy": "frame-ancestors *"}


def built_page(built: Path, name: str, *, embeddable: bool = False) -> Response:
    """A page Vite built, or 503 saying how to build it; framed by this site only, unless
    `embeddable`."""
    page = built / name
    if not page.is_file():
        return HTMLResponse(NOT_BUILT, status_code=503)
    # Pages are small and change with every build; their hashed assets are cached.
    framing = _ANY_FRAME if embeddable else _OWN_FRAMES
    return FileResponse(page, headers={"Cache-Control": "no-cache", **framing})


class HashedAssets(StaticFiles):
    """Vite names each asset by a hash of its content: a name never changes meaning, so
    browsers may keep it for a year without asking again."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def mount_explorer(app: FastAPI, built: Path) -> None:
    assets = built / "assets"
    if assets.is_dir():
        app.mount("/assets", HashedAssets(directory=assets), name="explorer-assets")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def explorer(view: str | None = None, embed: str | None = None) -> Response:
        """The explorer; `?view=...&embed=1` is a reading view another site may frame."""
        return built_page(
            built, "index.html", embeddable=embed == "1" and view not in WRITING_VIEWS
        )

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs() -> Response:
        """The OpenAPI page, from swagger-ui-dist."""
        return built_page(built, "docs.html")
