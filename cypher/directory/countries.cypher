// Countries, optionally only those in a region (at any depth) or whose name or code
// contains a text, by name.
// Parameters: $region (region id or null), $text (or null)
// Returns: one row per country: id, props
MATCH (c:Country)
WHERE ($region IS NULL OR EXISTS { (c)-[:IN_REGION*1..3]->(:Region {id: $region}) })
  AND ($text IS NULL OR toLower(c.name) CONTAINS toLower($text) OR c.iso3 = toUpper($text)
       OR c.iso2 = toUpper($text))
RETURN c.id AS id, properties(c) AS props
ORDER BY c.name
