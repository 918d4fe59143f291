"""`a87map neo4j start|stop|status`: the local Neo4j server, for machines without Docker."""

import typer

from service.cli.support import console, load_settings, run_command
from service.localdb import server

neo4j_app = typer.Typer(
    help="The local Neo4j server, for machines without Docker.", no_args_is_help=True
)


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Start the local Neo4j (or find one already answering at NEO4J_URI)."""
    settings = load_settings()
    with console.status(f"Starting Neo4j at {settings.neo4j_uri} (first run downloads it)..."):
        status = run_command(lambda: server.start(settings))
    where = f"pid {status.pid}" if status.pid else "already running, not started by us"
    console.print(f"Neo4j answers at {status.uri} ({where}); data in {status.home}")


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j."""
    stopped = run_command(lambda: server.stop(load_settings()))
    console.print("Neo4j stopped." if stopped else "No local Neo4j was running.")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs and answers."""
    status = server.status(load_settings())
    console.print(
        f"running: {status.running} (pid {status.pid}); "
        f"answers at {status.uri}: {status.bolt_answers}; data in {status.home}"
    )
    if not status.bolt_answers:
        raise typer.Exit(3)
