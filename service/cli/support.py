"""What every command shares: the console, loading settings (and logging with them),
running an action so that an expected failure ends with one clear line and exit status 1,
and running one on the map's database."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import structlog
import typer
from rich.console import Console

from service.config import Settings, get_settings
from service.db.driver import Database
from service.db.runtime import open_database
from service.errors import MapError
from service.logs import configure_logging

console = Console()
log = structlog.get_logger("service.cli")
T = TypeVar("T")


def load_settings() -> Settings:
    loaded = get_settings()
    configure_logging(loaded)
    return loaded


def run_command(action: Callable[[], T]) -> T:
    """Run a command; expected failures end it with their message and exit status 1."""
    try:
        return action()
    except MapError as error:
        log.error("command_failed", error=type(error).__name__, message=str(error))
        console.print(f"[red]error:[/red] {error}", highlight=False)
        raise typer.Exit(1) from error


def on_database(
    settings: Settings, work: Callable[[Database], Awaitable[T]], *, migrate_schema: bool = True
) -> T:
    """Run `work` on the map's database (its schema brought up to date first, unless told
    not to), ending the command as `run_command` does if it fails as expected."""

    async def main() -> T:
        async with open_database(settings, migrate_schema=migrate_schema) as db:
            return await work(db)

    return run_command(lambda: asyncio.run(main()))
