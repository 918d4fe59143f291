// Puts a relationship back as the audit trail says it was before a change, inside a
// transaction that is never committed: absent (the change added it), or with the given
// properties (the change removed or changed it).
// Parameters: $from, $type, $to, $key, $props (map, or null for absent)
// Returns: one row: done (bool)
OPTIONAL MATCH (a:MapNode {id: $from})
OPTIONAL MATCH (ra:Retired {id: $from})
OPTIONAL MATCH (b:MapNode {id: $to})
OPTIONAL MATCH (rb:Retired {id: $to})
WITH coalesce(a, ra) AS start, coalesce(b, rb) AS end
CALL (start, end) {
  OPTIONAL MATCH (start)-[r]->(end)
  WHERE type(r) = $type AND r.key = $key
  DELETE r
}
CALL (start, end) {
  WITH start, end WHERE $props IS NOT NULL AND start IS NOT NULL AND end IS NOT NULL
  CREATE (start)-[r:$($type)]->(end)
  SET r = $props
}
RETURN true AS done
