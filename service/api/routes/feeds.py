"""GET /changes.atom: the map's changes as an Atom feed, public as all reading is, with
the same filters as GraphQL's `changes` (kind, id, action), newest first."""

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from service.api.deps import DatabaseDep
from service.editing import audit
from service.interchange.atom import atom_feed

router = APIRouter(tags=["feeds"])
# A feed reader asks again every so often; a month of changes is plenty to catch up from.
DEFAULT_DAYS = 30
MOST = 200


@router.get("/changes.atom", response_class=Response)
async def changes_feed(
    request: Request,
    db: DatabaseDep,
    since: datetime | None = None,
    kind: str | None = None,
    record: Annotated[str | None, Query(alias="id")] = None,
    action: str | None = None,
) -> Response:
    """The newest changes (up to 200) after `since` (default: the last 30 days), as Atom."""
    start = since or datetime.now(UTC) - timedelta(days=DEFAULT_DAYS)
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    found = await audit.newest_changes(db, audit.ChangeFilter(start, kind, record, action), MOST)
    base = str(request.base_url).rstrip("/")
    body = atom_feed(found, base_url=base, feed_url=str(request.url), title="Changes to the map")
    return Response(body, media_type="application/atom+xml; charset=utf-8")
