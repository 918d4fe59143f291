// Events, optionally of one kind or status or held in one country; dated ones first, by
// date, then undated ones by name.
// Parameters: $kind, $status, $country (each may be null)
// Returns: one row per event: id, props
MATCH (e:Event)
WHERE ($kind IS NULL OR e.kind = $kind)
  AND ($status IS NULL OR e.status = $status)
  AND ($country IS NULL OR EXISTS { (e)-[:HELD_IN]->(:Country {id: $country}) })
RETURN e.id AS id, properties(e) AS props
ORDER BY e.start_on IS NULL, e.start_on, toLower(e.name)
