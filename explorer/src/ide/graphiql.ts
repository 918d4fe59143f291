// GraphiQL at /graphql, built from npm packages into the explorer's assets so it works
// offline: nothing is loaded from a CDN. The service serves dist/graphiql.html to browsers.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

const fetcher = createGraphiQLFetcher({ url: "/graphql" });
const root = document.getElementById("graphiql");
if (root) {
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      defaultQuery:
        '{\n  actionGroup(id: "action-group:conflict-humanitarian-settings") {\n' +
        "    name\n    chairs { role organization { acronym } }\n  }\n}\n",
    }),
  );
}
