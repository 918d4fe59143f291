// Projects the organization-initiative-action group network (analysis/network_ties.inc) into Graph Data Science's memory as an undirected graph named $name: each pair of
// records tied once, whatever the number of ties, as networkx's Graph keeps them, so both
// give the same degrees and betweenness.
// Parameters: $name (the projection's name, new for each ranking)
// Returns: one row: nodes, relationships (the projection's counts; each tie counts twice)
INCLUDE analysis/network_ties
  AND a <> b
WITH DISTINCT CASE WHEN a.id < b.id THEN a ELSE b END AS source,
     CASE WHEN a.id < b.id THEN b ELSE a END AS target
WITH gds.graph.project($name, source, target, {}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships
