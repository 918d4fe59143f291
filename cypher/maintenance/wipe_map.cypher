// Deletes every map node and its relationships (the schema and its migrations stay). Used
// by the test suite to start from a known state; nothing in the service calls it.
// Parameters: none
// Returns: nothing
MATCH (n:MapNode)
DETACH DELETE n
