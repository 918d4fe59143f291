"""A Neo4j of the benchmark's own: the project's local server in a temporary folder, on a
free port, with a random password, stopped (killed) when the block ends."""

import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from service.config import Settings
from service.localdb import server
from service.localdb.server import free_port


@contextmanager
def scratch_neo4j(**settings: Any) -> Iterator[Settings]:
    """Settings for a started scratch server; `settings` override the defaults (a heap...)."""
    with tempfile.TemporaryDirectory() as home:
        chosen = Settings(
            _env_file=None,
            neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
            neo4j_password=secrets.token_urlsafe(16),
            local_neo4j_home=Path(home),
            **settings,
        )
        server.start(chosen)
        try:
            yield chosen
        finally:
            server.stop(chosen, kill=True)
