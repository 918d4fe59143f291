// The explorer builds to dist/, which the service serves at `/`; the API stays at /graphql.
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // cytoscape alone is about 400 kB; one page, loaded once, is fine.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm exec vite` during development: send GraphQL to a service on its usual port.
    proxy: { "/graphql": "http://127.0.0.1:8000" },
  },
});
