"""The GraphQL schema: `inputs` (the model's value lists as enums, and filters),
`nodes` (how a kind's type is made from its declaration), `values` (small value types),
`edit_inputs` (the inputs made from the kinds' drafts), `types` (what a query returns),
`query`, `analysis` and `history` (root fields), `mutation` (edits), `connections` (Relay
pages), `context` (per-request loaders of links and of compiled subtrees, and the caller's
key), `errors` (error codes read from `MapError`, and the Cypher round-trip count in the
response), `schema` (the whole, with its limits), `fast_reads` (the lean executor for
reads answered before) and `projection` (compiling a nested selection into one statement
from cypher/projections/)."""

# Every kind's type joins `nodes.TYPES` when types.py is read; read with the package, so
# every kind has its type wherever `node_of` is used.
from service.api.graphql import types as _types  # noqa: F401
