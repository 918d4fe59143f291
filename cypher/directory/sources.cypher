// One page of the evidence directory: the sources on the map (retired ones left out),
// ordered by title, narrowed by words in the title, publisher or description, by
// publisher, to those a given record cites, by document type, and to those that are
// evidence about a theme or a place. Places follow the map's one place rule
// (service/domain/places.py): the country and region filters arrive as the sets of
// places each matches (the place, the places in it, the regions around it, the world).
// Parameters: $text, $publisher, $citedBy, $documentType, $theme, $countryPlaces,
//             $regionPlaces, $skip, $limit
// Returns: one row: total (int), page (list of {id, props})
MATCH (s:Source)
WHERE ($text IS NULL OR toLower(s.name) CONTAINS toLower($text)
       OR toLower(coalesce(s.publisher, '')) CONTAINS toLower($text)
       OR toLower(coalesce(s.description, '')) CONTAINS toLower($text))
  AND ($publisher IS NULL OR toLower(coalesce(s.publisher, '')) CONTAINS toLower($publisher))
  AND ($citedBy IS NULL OR EXISTS { (:MapNode {id: $citedBy})-[:CITED_IN]->(s) })
  AND ($documentType IS NULL OR s.document_type = $documentType)
  AND ($theme IS NULL OR EXISTS { (s)-[:EVIDENCE_ABOUT]->(:Theme {id: $theme}) })
  AND ($countryPlaces IS NULL OR EXISTS { (s)-[:EVIDENCE_ABOUT]->(p) WHERE p.id IN $countryPlaces })
  AND ($regionPlaces IS NULL OR EXISTS { (s)-[:EVIDENCE_ABOUT]->(p) WHERE p.id IN $regionPlaces })
WITH s ORDER BY toLower(s.name), s.id
WITH collect(s) AS matched
RETURN size(matched) AS total,
       [s IN matched[$skip..($skip + $limit)] | {id: s.id, props: properties(s)}] AS page
