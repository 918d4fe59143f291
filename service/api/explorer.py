"""The explorer, the web page at `/`: the built files of `explorer/` (index.html and its
assets), served as they are. The page itself only ever talks to /graphql."""

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Explorer not built</title></head><body>
<h1>The explorer has not been built</h1>
<p>Build it with <code>make explorer</code> (or <code>make run</code>), then reload.
The GraphQL API is at <a href="/graphql">/graphql</a> meanwhile.</p></body></html>"""


def mount_explorer(app: FastAPI, built: Path) -> None:
    index = built / "index.html"
    assets = built / "assets"
    if assets.is_dir():
        app.mount("/assets", StaticFiles(directory=assets), name="explorer-assets")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def explorer() -> Response:
        if not index.is_file():
            return HTMLResponse(NOT_BUILT, status_code=503)
        # The page is small and changes with every build; the hashed assets are cached.
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
