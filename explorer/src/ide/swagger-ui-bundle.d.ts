// The bundle's own entry (swagger-ui-dist's index also pulls in a Node-only helper).
declare module "swagger-ui-dist/swagger-ui-bundle.js" {
  const SwaggerUIBundle: (options: { url: string; dom_id: string }) => unknown;
  export default SwaggerUIBundle;
}
