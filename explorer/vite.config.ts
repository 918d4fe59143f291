// The explorer builds to dist/, which the service serves at `/`; the API stays at /graphql.
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // cytoscape alone is about 400 kB, GraphiQL 860 kB and Swagger UI 1.8 MB; each page
    // loads only its own, once.
    chunkSizeWarningLimit: 2000,
    // Three pages: the explorer, and GraphiQL and the OpenAPI page built from npm packages
    // so they work offline (the service serves them at /graphql and /docs).
    rollupOptions: {
      input: { main: "index.html", graphiql: "graphiql.html", docs: "docs.html" },
      // GraphiQL's React parts mark themselves "use client", which means nothing here.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  server: {
    // `npm exec vite` during development: send GraphQL to a service on its usual port.
    proxy: { "/graphql": "http://127.0.0.1:8000", "/openapi.json": "http://127.0.0.1:8000" },
  },
});
