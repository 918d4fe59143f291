"""The curated data in `seed/` and the reference data from packages, validated and loaded.

`files` reads and validates the YAML files (pydantic models in `models`); `reference`
builds countries, regions and SDGs; `graph` turns both into node and relationship rows
and checks that every link points at something; `loader` writes the rows to Neo4j in one
transaction.
"""
