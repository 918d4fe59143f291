"""HTTP and GraphQL, kept thin: `app` builds the FastAPI application (GraphQL at /graphql,
/healthz, /readyz); `graphql/` holds the schema, whose resolvers only call `service.domain`."""
