"""The GraphQL schema: `inputs` (enums and filters), `types` (what a query returns),
`query` (the root fields), `context` (per-request DataLoaders), `errors` (error codes and
the Cypher round-trip count in the response)."""
