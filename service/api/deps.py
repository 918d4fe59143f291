"""What a route asks FastAPI for, made once per application and handed down: the settings,
the one `Database`, the schema gate, and the editor behind a request's API key or signed-in
session."""

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.requests import HTTPConnection

from service.config import Settings
from service.db.driver import Database
from service.db.schema_gate import SchemaGate
from service.editing.keys import Editor, authenticate
from service.editing.sessions import CSRF_HEADER, SESSION_COOKIE, signed_request

_bearer = HTTPBearer(auto_error=False, description="An API key made with `a87map keys create`.")


# Dependencies are coroutines although they only read app.state: FastAPI runs a plain
# function in its thread pool, three thread hops a GraphQL request (about 4 % of a small
# read's time in a profile). They take the connection, so subscriptions over a WebSocket
# get them too.
async def get_settings(request: HTTPConnection) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_database(request: HTTPConnection) -> Database:
    db: Database = request.app.state.db
    return db


async def get_gate(request: HTTPConnection) -> SchemaGate:
    gate: SchemaGate = request.app.state.gate
    return gate


SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]
GateDep = Annotated[SchemaGate, Depends(get_gate)]


def signs(request: HTTPConnection) -> bool:
    """Whether the request carries a key or a session: one without either is the public."""
    return "authorization" in request.headers or SESSION_COOKIE in request.cookies


async def request_editor(db: Database, request: HTTPConnection) -> Editor:
    """The editor behind a request: its Bearer key where it sends one (scripts, the CLI's
    peers), else its session cookie with the session's CSRF token (the explorer's pages).
    Unauthenticated (401) without either; Forbidden (403) for a session's request without
    its CSRF token or from another site."""
    header = request.headers.get("authorization")
    token = request.cookies.get(SESSION_COOKIE)
    if header is not None or token is None:
        return await authenticate(db, header)
    csrf, origin = request.headers.get(CSRF_HEADER), request.headers.get("origin")
    return await signed_request(db, token, csrf, origin, request.headers.get("host"))


async def get_editor(
    db: DatabaseDep,
    request: Request,
    # Declared so the OpenAPI page offers the Bearer key; read by request_editor.
    _: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Editor:
    return await request_editor(db, request)


EditorDep = Annotated[Editor, Depends(get_editor)]
