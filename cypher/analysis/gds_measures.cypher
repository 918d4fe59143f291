// Each organization's degree and betweenness in the projection $name (gds_project.cypher):
// betweenness over all shortest paths, or from $config.samplingSize sources picked with
// $config.samplingSeed; as Graph Data Science gives it, not yet scaled as networkx scales.
// Parameters: $name, $config (map: {} or {samplingSize, samplingSeed})
// Returns: one row: degrees (list of {id, degree}), betweenness (list of {id, score})
CALL gds.degree.stream($name) YIELD nodeId, score
WITH gds.util.asNode(nodeId) AS n, score WHERE n:Organization
WITH collect({id: n.id, degree: score}) AS degrees
CALL gds.betweenness.stream($name, $config) YIELD nodeId, score
WITH degrees, gds.util.asNode(nodeId) AS n, score WHERE n:Organization
RETURN degrees, collect({id: n.id, score: score}) AS betweenness
