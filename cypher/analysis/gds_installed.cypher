// Whether Neo4j Graph Data Science is installed in the server, with the procedures the
// organization ranking runs (service/domain/network.py).
// Parameters: none
// Returns: one row: installed (bool)
SHOW PROCEDURES YIELD name
WHERE name IN ['gds.betweenness.stream', 'gds.degree.stream', 'gds.graph.drop']
RETURN count(name) = 3 AS installed
