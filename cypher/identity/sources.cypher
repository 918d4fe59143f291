// The sources two organization records cite (on the map or retired), each once, for a
// judgement of the pair that is given none.
// Parameters: $ids
// Returns: one row per source: source, section (the first section cited, if any)
MATCH (o)-[c:CITED_IN]->(s:Source)
WHERE o.id IN $ids AND (o:MapNode OR o:Retired)
WITH s, collect(c.section)[0] AS section
RETURN s.id AS source, section
ORDER BY source
