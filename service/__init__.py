"""Alliance 8.7 stakeholder map: a Neo4j graph of who is doing what, where, behind a GraphQL API.

Layers, top-down: ``api`` (HTTP and GraphQL, thin) → ``domain`` (the questions users ask)
→ ``queries`` (named Cypher from ``cypher/``) → ``db`` (the one Neo4j driver).
``seed`` validates and loads the curated data; ``localdb`` runs a local Neo4j where
no Docker engine is available; ``cli`` is the command line.
"""
