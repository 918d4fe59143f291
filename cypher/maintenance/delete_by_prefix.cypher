// Deletes the map nodes whose id starts with a prefix, with their relationships. Used to
// remove generated test and benchmark data (ids such as initiative:synthetic-...) and
// nothing else; the service never calls it. Stored overlaps of those nodes go with them.
// Parameters: $prefix
// Returns: deleted (count of map nodes)
CALL () {
  MATCH (p:OverlapPair)
  WHERE p.a STARTS WITH $prefix OR p.b STARTS WITH $prefix
  DELETE p
}
MATCH (n:MapNode)
WHERE n.id STARTS WITH $prefix
DETACH DELETE n
RETURN count(*) AS deleted
