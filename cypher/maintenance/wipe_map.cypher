// Deletes up to $limit relationships and then up to $limit nodes that have none left:
// every node but the schema's own records (map nodes, retired nodes, audit events, API
// keys and sessions, stored overlaps and rankings, any import's runs, holds and undo steps, and the files
// imports read; the map's revision stays, and the wipe marks it); run until it deletes nothing
// (Database.delete_in_batches), so a map of any size empties within the default heap (a
// theme or a country can have tens of thousands of relationships, too many to delete with
// the node in one go). The schema and its migrations stay. Used by the test suite and the
// benchmarks to start from a known state; nothing in the service calls it.
// Parameters: $limit
// Returns: one row: deleted (relationships and nodes deleted by this call)
CALL () {
  MATCH ()-[r]->()
  WITH r LIMIT $limit
  DELETE r
  RETURN count(*) AS links
}
CALL () {
  MATCH (n)
  WHERE NOT n:SchemaMigration AND NOT n:MapRevision AND NOT EXISTS { (n)--() }
  WITH n LIMIT $limit
  DELETE n
  RETURN count(*) AS nodes
}
RETURN links + nodes AS deleted
