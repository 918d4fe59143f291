"""Alliance 8.7 stakeholder map: a Neo4j graph of who is doing what, where, behind a GraphQL API.

Layers, top-down; imports run only downwards (`tests/unit/test_layers.py` checks it):

- `cli` (the a87map command) and `api` (HTTP and GraphQL, thin);
- `interchange` (import and export), then `editing` and `seed` (changing the map, loading
  the curated files), then `domain` (the questions users ask);
- `scoring` (pure overlap and coverage scoring) and `model` (the map's vocabulary: kinds,
  ids, value lists, relationship types, each kind's fields, described once);
- `db` (the one driver and the named Cypher of `cypher/`, migrations) and `localdb` (a
  local Neo4j where there is no Docker engine);
- `logs`, then `config` (the one Settings) and `errors` (the one error root, MapError).
"""
