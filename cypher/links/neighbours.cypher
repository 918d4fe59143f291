// The relationships of several nodes at once, of the given types and direction, each with
// the node at the other end and the source document the relationship cites. One query
// serves a whole level of a GraphQL selection (see service/api/loaders.py).
// Parameters: $ids (list of global ids), $types (list of relationship types),
//             $direction ('out', 'in' or 'both', seen from the node in $ids)
// Returns: one row per id found: id, links (list of {type, outgoing, props, node: {id, props}, source})
UNWIND $ids AS id
MATCH (n:MapNode {id: id})
OPTIONAL MATCH (n)-[r]-(m:MapNode)
  WHERE type(r) IN $types AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = n))
OPTIONAL MATCH (src:Source {id: r.source})
WITH id, n, r, m, src
ORDER BY toLower(m.name), m.id
RETURN id, collect(CASE WHEN r IS NULL THEN NULL ELSE {
  type: type(r), outgoing: startNode(r) = n, props: properties(r),
  node: {id: m.id, props: properties(m)}, source: properties(src)
} END) AS links
