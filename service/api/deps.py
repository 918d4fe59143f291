"""What a route asks FastAPI for, made once per application and handed down: the settings,
the one `Database`, the schema gate, and the editor behind a request's API key."""

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from service.config import Settings
from service.db.driver import Database
from service.db.schema_gate import SchemaGate
from service.editing.keys import Editor, authenticate

_bearer = HTTPBearer(auto_error=False, description="An API key made with `a87map keys create`.")


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def get_gate(request: Request) -> SchemaGate:
    gate: SchemaGate = request.app.state.gate
    return gate


SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]
GateDep = Annotated[SchemaGate, Depends(get_gate)]


async def get_editor(
    db: DatabaseDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Editor:
    """The editor behind the Bearer key; Unauthenticated (401) without an accepted one."""
    header = f"Bearer {credentials.credentials}" if credentials else None
    return await authenticate(db, header)


EditorDep = Annotated[Editor, Depends(get_editor)]
