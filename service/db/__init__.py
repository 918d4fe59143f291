"""The database layer: the one Neo4j driver and the `Database` that runs named statements
(`driver.py`), the statements themselves read once from `cypher/` (`queries.py`), schema
migrations (`migrations.py`) and the check that the schema is up to date before the API
answers (`schema_gate.py`), and where the one `Database` is made (`runtime.py`)."""
