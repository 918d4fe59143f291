// How big the map is: nodes and relationships by kind and type.
// Parameters: none
// Returns: one row: nodes (int), relationships (int)
MATCH (n:MapNode)
WITH count(n) AS nodes
OPTIONAL MATCH (:MapNode)-[r]->(:MapNode)
RETURN nodes, count(r) AS relationships
