// Deletes the map nodes whose id starts with a prefix, with their relationships. Used to
// remove generated test and benchmark data (ids such as initiative:synthetic-...) and
// nothing else; the service never calls it.
// Parameters: $prefix
// Returns: deleted (count)
MATCH (n:MapNode)
WHERE n.id STARTS WITH $prefix
DETACH DELETE n
RETURN count(*) AS deleted
