"""`a87map serve`: the API and the explorer page over HTTP."""

import uvicorn

from service.cli.support import load_settings


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int | None = None) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql) with WORKERS processes (default: one
    per core), each with its own connection pool."""
    settings = load_settings()
    uvicorn.run(
        "service.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers or settings.workers,
        log_level=settings.log_level.lower(),
        access_log=settings.access_log,
        # uvicorn kills a worker that has not answered its supervisor within 5 s; a worker
        # still importing on a busy machine is not dead, and killing it starts the same slow
        # import again, for ever (seen with two workers on two loaded cores).
        timeout_worker_healthcheck=60,
        # A request still running when the server is told to stop (a slow query whose
        # client has gone) gets this long, then is cancelled: a stop never hangs on one.
        timeout_graceful_shutdown=settings.shutdown_grace_s,
    )
