"""Signed-in sessions, for the explorer's writing pages. An editor pastes a key once; the
server answers with a session token, which the browser keeps in an HttpOnly cookie the
page's scripts cannot read, so the key itself is never kept in the page. The graph keeps
only the token's hash, the key it was opened with and when it expires; signing out ends
it on the server, and revoking the key ends every session opened with it.

A cookie goes with every request the browser sends to the map, whoever's page asks, so a
request a session authenticates must also carry the session's CSRF token (which only the
map's own page can read, from `GET /session`) and, where the browser says where it came
from, come from the map's own origin."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from service.db.driver import Database
from service.editing.keys import Editor, token_hash
from service.errors import Forbidden, Unauthenticated

SESSION_COOKIE = "a87_session"
CSRF_HEADER = "X-CSRF-Token"
# The same words for a missing, ended, expired and unknown session.
SIGNED_OUT = "not signed in, or the session has ended: sign in again with your key"
NO_CSRF = (
    f"a request a session signs must carry the session's CSRF token in {CSRF_HEADER} "
    "(the map's own page sends it)"
)
FOREIGN = "a request a session signs must come from the map's own page, not another site"


@dataclass(frozen=True)
class Session:
    """A signed-in editor, the CSRF token their page sends with each request, and when the
    session expires."""

    editor: Editor
    csrf: str
    expires: str


def csrf_token(token: str) -> str:
    """The session's CSRF token, made from its own token: nothing more is stored, and a
    page that reloads asks for it again."""
    return hashlib.sha256(f"csrf:{token}".encode()).hexdigest()


async def sign_in(db: Database, key: str, hours: int) -> tuple[str, Session]:
    """A new session for an accepted key, and the token its cookie carries."""
    # Whatever was pasted is looked up by its hash: a string that is no key matches none.
    key_hash = token_hash(key.strip())
    token = secrets.token_urlsafe(32)
    rows = await db.write("sessions/open", key_hash=key_hash, hash=token_hash(token), hours=hours)
    if not rows:
        raise Unauthenticated("that key is not accepted: it is unknown or has been revoked")
    return token, _session(token, rows[0])


async def session(db: Database, token: str | None) -> Session:
    """The session a cookie's token opens; Unauthenticated if none."""
    rows = await db.read("sessions/by_hash", hash=token_hash(token)) if token else []
    if not token or not rows:
        raise Unauthenticated(SIGNED_OUT)
    return _session(token, rows[0])


async def sign_out(db: Database, token: str | None) -> bool:
    """True if a live session was ended."""
    return bool(token and await db.write("sessions/end", hash=token_hash(token)))


async def signed_request(
    db: Database, token: str, csrf: str | None, origin: str | None, host: str | None
) -> Editor:
    """The editor behind a request a session cookie signs: its CSRF token must match, and
    its Origin (where sent) must be the map's own host."""
    opened = await session(db, token)
    if origin and urlsplit(origin).netloc != host:  # "null" (a sandboxed page) too
        raise Forbidden(FOREIGN)
    if not csrf or not hmac.compare_digest(csrf, opened.csrf):
        raise Forbidden(NO_CSRF)
    return opened.editor


def _session(token: str, row: dict[str, str | None]) -> Session:
    editor = Editor(name=str(row["name"]), role=str(row["role"]), organization=row["organization"])
    return Session(editor, csrf_token(token), str(row["expires"]))
