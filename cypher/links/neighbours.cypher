// The relationships of several nodes at once, each asked for with its own types and
// direction, each with the node at the other end and the source document the relationship
// cites. One query serves a whole level of a GraphQL selection, whatever kinds of link the
// level asks for (service/api/graphql/context.py).
// Parameters: $requests (list of {key, id, types, direction}: a key of the caller's, a
//             global id, relationship types, and 'out', 'in' or 'both', seen from the node)
// Returns: one row: found (list, one per request whose node was found, of {key, links: list
//          of {type, outgoing, props, node: the other end's id, source: the cited source's
//          id}}), nodes (each node at the other end of a link, once, as {id, props}: the
//          same places and themes turn up on many links of a level), sources (the
//          properties of each source cited, once); one row, not one per request, since the
//          driver's cost is per row as much as per byte
UNWIND $requests AS request
MATCH (n:MapNode {id: request.id})
OPTIONAL MATCH (n)-[r]-(m:MapNode)
  WHERE type(r) IN request.types
    AND (request.direction = 'both' OR (request.direction = 'out') = (startNode(r) = n))
OPTIONAL MATCH (src:Source {id: r.source})
WITH request, n, r, m, src
ORDER BY toLower(m.name), m.id, type(r), r.key, r.seat, r.section, toString(r.since)
WITH request, collect(CASE WHEN r IS NULL THEN NULL ELSE {
  type: type(r), outgoing: startNode(r) = n, props: properties(r),
  node: m.id, source: src.id
} END) AS links, collect(DISTINCT src.id) AS cited, collect(DISTINCT m) AS ends
WITH collect({key: request.key, links: links}) AS found, collect(cited) AS cited,
     collect(ends) AS ends
CALL (ends) {
  UNWIND ends AS each
  UNWIND each AS m
  WITH DISTINCT m
  RETURN collect({id: m.id, props: properties(m)}) AS nodes
}
CALL (cited) {
  UNWIND cited AS ids
  UNWIND ids AS id
  WITH DISTINCT id
  MATCH (s:Source {id: id})
  RETURN collect(properties(s)) AS sources
}
RETURN found, nodes, sources
