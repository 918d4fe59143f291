"""HTTP and GraphQL, kept thin: `app` is the app factory (the one `Database`, one handler
for every `MapError`), `deps` the FastAPI dependencies routes ask for, `routes/` the
routers (health, import and export), `explorer` the pages built from `explorer/`, `limits`
the request-size cap, and `graphql/` the schema, whose resolvers call the services
(`domain`, `editing`, `interchange`) and run no Cypher."""
