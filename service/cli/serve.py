"""`a87map serve`: the API and the explorer page over HTTP."""

import uvicorn

from service.cli.support import load_settings


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql)."""
    settings = load_settings()
    uvicorn.run(
        "service.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
    )
