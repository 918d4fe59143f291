// Deletes every map node, retired node, audit event and API key, and the stored overlaps,
// with their relationships
// (the schema and its migrations stay). Used by the test suite to start from a known state;
// nothing in the service calls it.
// Parameters: none
// Returns: nothing
MATCH (n)
WHERE n:MapNode OR n:Retired OR n:AuditEvent OR n:ApiKey
   OR n:OverlapPair OR n:OverlapState OR n:OverlapsPending
DETACH DELETE n
