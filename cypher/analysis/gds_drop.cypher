// Drops the projection $name from Graph Data Science's memory, if it is there.
// Parameters: $name
// Returns: one row per graph dropped
CALL gds.graph.drop($name, false) YIELD graphName
RETURN graphName
