"""The FastAPI application: the explorer page at /, GraphQL (with GraphiQL) at /graphql,
import and export at /import and /export, liveness at /healthz and readiness at /readyz.
The driver is made once, at start-up, and closed at shutdown; in between, imports left
half-written by a stopped process are taken back (service/editing/holds.py)."""

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast

import orjson
import strawberry
import structlog
from cross_web import HTTPException
from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.requests import HTTPConnection
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.types import ExecutionResult

from service.api.explorer import built_page, mount_explorer
from service.api.graphql.context import Context
from service.api.graphql.errors import format_error
from service.api.graphql.fast_reads import FastReads
from service.api.graphql.schema import build_schema
from service.api.limits import BodyLimit
from service.api.routes import feeds, health, interchange, session
from service.config import Settings, get_settings
from service.db.driver import Database
from service.db.runtime import make_database
from service.db.schema_gate import SchemaGate
from service.editing import alerts, holds, webhooks
from service.errors import DatabaseUnavailable, MapError, Rejected
from service.logs import configure_logging

log = structlog.get_logger(__name__)


class MapGraphQLRouter(GraphQLRouter[Context, None]):
    built: Path
    fast: FastReads | None = None

    def decode_json(self, data: str | bytes) -> object:
        # orjson refuses nesting past 1,024 levels, where json would exhaust the stack.
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError as error:
            if "depth" in error.msg:
                raise HTTPException(400, "the request body nests over 1,024 levels") from None
            raise

    def encode_json(self, data: object) -> bytes:
        # orjson: several times faster than json for the large answers of nested queries.
        return orjson.dumps(data)

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        # GraphiQL from the explorer's own build, not strawberry's page, which loads its
        # scripts from a CDN and stays blank offline.
        return built_page(self.built, "graphiql.html")  # type: ignore[return-value]

    async def execute_single(
        self,
        request: Request,
        request_adapter: Any,
        sub_response: Any,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """A read strawberry has answered before goes the fast way (fast_reads.py);
        anything else, or anything it leaves, strawberry answers, and the fast way learns
        from it."""
        query, variables, name = (
            request_data.query,
            request_data.variables,
            request_data.operation_name,
        )
        fast = await self.fast.execute(query, variables, name, context) if self.fast else None
        if fast is not None:
            return fast
        result = await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        # A query kept on its first answer is answered again the fast way, so that every
        # answer to it is alike (the round trips reported included).
        if self.fast and self.fast.learn(query, name, result):
            again = await self.fast.execute(query, variables, name, context.fresh())
            if again is not None:
                return again
        return result

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
    """The application, with the one `Database` it hands to every route and resolver."""
    settings = settings or get_settings()
    configure_logging(settings)
    db = make_database(settings, retry_s=settings.neo4j_request_retry_s)
    gate = SchemaGate(db, settings.cypher_dir / "migrations")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        _tune_garbage_collection()
        try:
            await gate.ensure()
        except DatabaseUnavailable as error:
            log.warning("schema_not_checked_at_start", message=str(error))
        else:
            await _take_back_abandoned_imports(db, settings)
        async with _sweeping(db, settings):
            yield
        await db.driver.close()

    # /docs is the explorer's own build of Swagger UI (service.api.explorer); FastAPI's
    # default page loads from a CDN. /openapi.json stays where clients look for it.
    app = FastAPI(
        title="Alliance 8.7 stakeholder map",
        description="Import and export files, health and readiness. Reading and editing "
        "the map is GraphQL, at /graphql.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings, app.state.db, app.state.gate = settings, db, gate
    app.add_middleware(BodyLimit, path="/graphql", max_bytes=settings.graphql_max_bytes)
    # Answers and the explorer's assets compressed for clients that accept it.
    app.add_middleware(GZipMiddleware, minimum_size=1_000, compresslevel=5)
    app.add_exception_handler(MapError, _refusal)
    graphql = MapGraphQLRouter(build_schema(settings), context_getter=graphql_context)
    graphql.built = settings.explorer_dir
    graphql.fast = (
        FastReads(cast(strawberry.Schema, graphql.schema), settings.cypher_dir)
        if settings.graphql_fast_reads
        else None
    )
    app.state.fast_reads = graphql.fast
    app.include_router(graphql, prefix="/graphql")
    app.include_router(health.router)
    app.include_router(interchange.router)
    app.include_router(session.router)
    app.include_router(feeds.router)
    mount_explorer(app, settings.explorer_dir)
    return app


async def _take_back_abandoned_imports(db: Database, settings: Settings) -> None:
    """Imports left half-written by a process that stopped (this server's earlier
    incarnation among them) are taken back before the first request; if that fails, the
    sweep tries again."""
    try:
        await holds.recover_abandoned(db, settings.load_batch_size)
    except MapError as error:
        log.warning("import_recovery_failed_at_start", message=str(error))


@asynccontextmanager
async def _sweeping(db: Database, settings: Settings) -> AsyncIterator[None]:
    """While the server runs, abandoned imports are looked for every few seconds, webhooks
    are sent what is due, and alerts are raised."""
    tasks = []
    if settings.import_recovery_every_s:
        every = settings.import_recovery_every_s
        tasks.append(holds.keep_recovering(db, settings.load_batch_size, every))
    if settings.webhooks_every_s:
        every, timeout = settings.webhooks_every_s, settings.webhook_timeout_s
        tasks.append(webhooks.keep_delivering(db, every, timeout))
    if settings.alerts_every_s:
        tasks.append(alerts.keep_raising(db, settings.alerts_every_s, alerts.Rules.of(settings)))
    running = [asyncio.create_task(t) for t in tasks]
    try:
        yield
    finally:
        for task in running:
            task.cancel()
        for task in running:
            with contextlib.suppress(asyncio.CancelledError):
                await task


def _tune_garbage_collection() -> None:
    """A nested answer allocates tens of thousands of short-lived objects; with Python's
    default thresholds the collector runs every 700 of them and walks the whole heap, about
    a third of a request's CPU (measured on the organizations-with-initiatives question).
    What start-up made is frozen out of the collector, and it runs less often."""
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


async def graphql_context(connection: HTTPConnection) -> Context:
    """Read off app.state in one dependency (the connection, so subscriptions over a
    WebSocket get it too): three sub-dependencies were 3 % of a small read's CPU."""
    state = connection.app.state
    gate: SchemaGate = state.gate
    await gate.ensure_quietly()
    return Context(state.db, state.settings)


async def _refusal(_: Request, error: Exception) -> JSONResponse:
    """Any `MapError` over plain HTTP: its status, its code (as GraphQL's
    `extensions.code`), the first line of its message, and the problems it lists, if any."""
    status = error.status if isinstance(error, MapError) else 500
    code = error.code if isinstance(error, MapError) else "INTERNAL_SERVER_ERROR"
    body: dict[str, Any] = {"detail": str(error).split("\n", 1)[0], "code": code}
    if isinstance(error, Rejected):
        body["problems"] = [
            {"file": p.file, "row": p.record, "field": p.field, "reason": p.message}
            for p in error.problems
        ]
    if status == 500:
        log.error("http_internal_error", exc_info=error)
        body["detail"] = "internal error; it has been logged"
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)
