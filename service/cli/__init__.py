"""The command line, one module per command group: `neo4j` (start|stop|status the local
server), `seed` (migrate, seed), `serve`, `schema` and `explorer-fields` (the GraphQL SDL,
the explorer's detail fields), `reports` (report overlaps|gaps), `keys`
(create|list|revoke), `history`, `interchange` (import, export) and `backup` (backup,
restore). `support` is what
every command shares: settings, one clear line for an expected failure, the database;
`rows` flattens overlaps and gaps for the reports."""

import typer

from service.cli.backup import backup_command, restore_command
from service.cli.history import history_command
from service.cli.interchange import export_command, import_command
from service.cli.keys import keys_app
from service.cli.neo4j import neo4j_app
from service.cli.reports import report_app
from service.cli.schema import explorer_fields, schema
from service.cli.seed import migrate, seed
from service.cli.serve import serve

app = typer.Typer(help="Alliance 8.7 stakeholder map.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(report_app, name="report")
app.add_typer(keys_app, name="keys")
app.command("migrate")(migrate)
app.command("seed")(seed)
app.command("serve")(serve)
app.command("schema")(schema)
app.command("explorer-fields")(explorer_fields)
app.command("history")(history_command)
app.command("import")(import_command)
app.command("export")(export_command)
app.command("backup")(backup_command)
app.command("restore")(restore_command)

if __name__ == "__main__":
    app()
