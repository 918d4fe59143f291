// The HTTP API's OpenAPI page at /docs, built from swagger-ui-dist into the explorer's
// assets so it works offline: nothing is loaded from a CDN.
import SwaggerUIBundle from "swagger-ui-dist/swagger-ui-bundle.js";
import "swagger-ui-dist/swagger-ui.css";

SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
