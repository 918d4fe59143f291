// One page of organizations matching every given filter (organizations/matching.inc; a
// null filter matches all), ordered by name (its stored sort key, then id). The country and
// region filters arrive as the sets of places each matches under the map's one place rule
// (service/domain/places.py): based in one of them, or working in one through an
// initiative. With $includeRetired, retired organizations are listed too.
// The page is read in the order of the sort key's index and stops once it is full, so a
// page costs its own rows, not a sort of every organization; the total is the count
// store's when no filter is given, else a count of the matches.
// Parameters: $includeRetired, $type, $theme, $sdgTarget, $countryPlaces, $regionPlaces, $actionGroup, $text, $skip, $limit
// Returns: one row: total (int), page (list of {id, props})
WITH $type IS NULL AND $theme IS NULL AND $sdgTarget IS NULL AND $countryPlaces IS NULL
     AND $regionPlaces IS NULL AND $actionGroup IS NULL AND $text IS NULL AS unfiltered
CALL () {
  MATCH (o:Organization)
  WHERE NOT $includeRetired AND o.name_key IS NOT NULL AND
INCLUDE organizations/matching
  WITH o ORDER BY o.name_key, o.id
  SKIP $skip LIMIT $limit
  RETURN collect({id: o.id, props: properties(o)}) AS current
}
CALL () {
  MATCH (o:Organization) RETURN count(o) AS stored
}
// Counted only when a filter is given. The planner checks a predicate on `unfiltered` (or
// on $includeRetired) after a scan of every organization, so such a branch starts from
// an UNWIND that is empty when it is not wanted: then nothing is scanned.
CALL (unfiltered) {
  UNWIND CASE WHEN unfiltered THEN [] ELSE [true] END AS wanted
  MATCH (o:Organization)
  WHERE
INCLUDE organizations/matching
  RETURN count(o) AS counted
}
// With the retired: both sets, sorted together (an analyst's rare question).
CALL () {
  UNWIND CASE WHEN $includeRetired THEN [true] ELSE [] END AS wanted
  CALL () {
    MATCH (o:Organization) RETURN o
    UNION
    MATCH (o:Retired) WHERE o.id STARTS WITH 'organization:' RETURN o
  }
  WITH o WHERE
INCLUDE organizations/matching
  WITH o ORDER BY coalesce(o.name_key, toLower(o.name)), o.id
  WITH collect(o) AS matched
  RETURN size(matched) AS withRetired,
         [o IN matched[$skip..($skip + $limit)] | {id: o.id, props: properties(o)}] AS retiredPage
}
RETURN CASE WHEN $includeRetired THEN withRetired
            WHEN unfiltered THEN stored ELSE counted END AS total,
       CASE WHEN $includeRetired THEN retiredPage ELSE current END AS page
