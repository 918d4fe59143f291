// Deletes up to $limit map nodes whose id starts with a prefix, with their relationships
// and stored overlaps, so a large generated map is removed in several small transactions.
// Used to remove generated test and benchmark data (ids such as initiative:synthetic-...)
// and nothing else; the service never calls it.
// Parameters: $prefix, $limit (integer)
// Returns: deleted (count of map nodes)
MATCH (n:MapNode)
WHERE n.id STARTS WITH $prefix
WITH n LIMIT $limit
CALL (n) {
  OPTIONAL MATCH (p:OverlapPair {a: n.id})
  DELETE p
}
CALL (n) {
  OPTIONAL MATCH (p:OverlapPair {b: n.id})
  DELETE p
}
DETACH DELETE n
RETURN count(*) AS deleted
