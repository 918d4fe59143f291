// Events, optionally of one kind or status, held in one country, or (by their known dates)
// overlapping $dateFrom to $dateTo; dated ones first, by date, then undated ones by name.
// An undated event is left out once a date bound is given.
// Parameters: $kind, $status, $country, $dateFrom, $dateTo (each may be null)
// Returns: one row per event: id, props
MATCH (e:Event)
WHERE ($kind IS NULL OR e.kind = $kind)
  AND ($status IS NULL OR e.status = $status)
  AND ($country IS NULL OR EXISTS { (e)-[:HELD_IN]->(:Country {id: $country}) })
  AND ($dateFrom IS NULL OR e.end_on >= $dateFrom)
  AND ($dateTo IS NULL OR e.start_on <= $dateTo)
RETURN e.id AS id, properties(e) AS props
ORDER BY e.start_on IS NULL, e.start_on, toLower(e.name)
