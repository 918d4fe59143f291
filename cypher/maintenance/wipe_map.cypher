// Deletes up to $limit of the map's nodes (map nodes, retired nodes, audit events, API keys,
// the stored overlaps and any import's holds), with their relationships; run until it
// deletes nothing (Database.delete_in_batches), so a map of any size empties within the
// default heap (the schema and its migrations stay). Used by the test suite and the
// benchmarks to start from a known state; nothing in the service calls it.
// Parameters: $limit
// Returns: one row: deleted
MATCH (n)
WHERE n:MapNode OR n:Retired OR n:AuditEvent OR n:ApiKey
   OR n:OverlapPair OR n:OverlapState OR n:OverlapsPending
   OR n:ImportRun OR n:ImportHold
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
