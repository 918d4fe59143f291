// One page of the evidence directory: the sources on the map (retired ones left out),
// ordered by title, narrowed by words in the title, publisher or description, by
// publisher, and to those a given record cites.
// Parameters: $text, $publisher, $citedBy, $skip, $limit
// Returns: one row: total (int), page (list of {id, props})
MATCH (s:Source)
WHERE ($text IS NULL OR toLower(s.name) CONTAINS toLower($text)
       OR toLower(coalesce(s.publisher, '')) CONTAINS toLower($text)
       OR toLower(coalesce(s.description, '')) CONTAINS toLower($text))
  AND ($publisher IS NULL OR toLower(coalesce(s.publisher, '')) CONTAINS toLower($publisher))
  AND ($citedBy IS NULL OR EXISTS { (:MapNode {id: $citedBy})-[:CITED_IN]->(s) })
WITH s ORDER BY toLower(s.name), s.id
WITH collect(s) AS matched
RETURN size(matched) AS total,
       [s IN matched[$skip..($skip + $limit)] | {id: s.id, props: properties(s)}] AS page
