"""What every command shares: the console, loading settings (and logging with them), and
running an action so that an expected failure ends with one clear line and exit status 1."""

from collections.abc import Callable
from typing import TypeVar

import structlog
import typer
from rich.console import Console

from service.config import Settings, get_settings
from service.db import DatabaseUnavailable
from service.domain.errors import BadInput, Forbidden, NotFound
from service.localdb import server
from service.logs import configure_logging
from service.seed.files import Rejected
from service.seed.loader import LoadFailed

console = Console()
log = structlog.get_logger("service.cli")
T = TypeVar("T")
EXPECTED = (
    server.LocalServerError,
    DatabaseUnavailable,
    Rejected,
    Forbidden,
    LoadFailed,
    BadInput,
    NotFound,
)


def load_settings() -> Settings:
    loaded = get_settings()
    configure_logging(loaded)
    return loaded


def run_command(action: Callable[[], T]) -> T:
    """Run a command; expected failures end it with their message and exit status 1."""
    try:
        return action()
    except EXPECTED as error:
        log.error("command_failed", error=type(error).__name__, message=str(error))
        console.print(f"[red]error:[/red] {error}", highlight=False)
        raise typer.Exit(1) from error
