"""The FastAPI application: the explorer page at /, GraphQL (with GraphiQL) at /graphql,
import and export at /import and /export, liveness at /healthz and readiness at /readyz.
The driver is made once, at start-up, and closed at shutdown."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
import structlog
from cross_web import HTTPException
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from service.api.explorer import mount_explorer
from service.api.graphql.context import Context
from service.api.graphql.errors import format_error
from service.api.graphql.schema import build_schema
from service.api.interchange import add_interchange
from service.api.limits import BodyLimit
from service.api.schema_gate import SchemaGate
from service.config import Settings, get_settings
from service.db import DatabaseUnavailable
from service.logs import configure_logging
from service.runtime import make_database

log = structlog.get_logger(__name__)


class MapGraphQLRouter(GraphQLRouter[Context, None]):
    def decode_json(self, data: str | bytes) -> object:
        # orjson refuses nesting past 1,024 levels, where json would exhaust the stack.
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError as error:
            if "depth" in error.msg:
                raise HTTPException(400, "the request body nests over 1,024 levels") from None
            raise

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        response: GraphQLHTTPResponse = {"data": result.data}
        if result.errors:
            response["errors"] = [format_error(e) for e in result.errors]
        if result.extensions:
            response["extensions"] = result.extensions
        return response


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings)
    db = make_database(settings, retry_s=settings.neo4j_request_retry_s)
    gate = SchemaGate(db, settings.cypher_dir / "migrations")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            await gate.ensure()
        except DatabaseUnavailable as error:
            log.warning("schema_not_checked_at_start", message=str(error))
        yield
        await db.driver.close()

    async def context() -> Context:
        await gate.ensure_quietly()
        return Context(db, settings)

    app = FastAPI(title="Alliance 8.7 stakeholder map", lifespan=lifespan)
    app.add_middleware(BodyLimit, path="/graphql", max_bytes=settings.graphql_max_bytes)
    app.include_router(
        MapGraphQLRouter(build_schema(settings), context_getter=context), prefix="/graphql"
    )

    add_interchange(app, db, settings)
    mount_explorer(app, settings.explorer_dir)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        """The process is alive (says nothing about the database)."""
        return {"status": "ok"}

    @app.get("/readyz", response_model=None)
    async def readyz() -> Any:
        """Ready to answer: Neo4j answers and the schema is up to date."""
        try:
            await gate.ensure()
        except DatabaseUnavailable as error:
            return JSONResponse({"status": "unavailable", "reason": str(error)}, status_code=503)
        return {"status": "ready"}

    return app
