// "Who is doing what, where": one row per (organization, role, initiative) matching every
// given filter (a null filter matches all), and one row, with no organization, for each
// matching initiative no organization is recorded for; so every initiative that matches
// appears. Places follow the map's one place rule (service/domain/places.py): the country
// and region filters arrive as the sets of places each matches. Rows are ordered by
// organization (rows with none last), then initiative and role, and cut to the page before
// the places, themes, targets and sources of that page are read.
// Parameters: $countryPlaces, $regionPlaces, $theme, $sdgTarget, $organizationType,
//             $actionGroup, $activeOn, $skip, $limit
// Returns: one row: total (int), page (list of {organization ({id, props} or null), role
//          (or null), roleProps, initiative, places, themes, sdgTargets, source})
// With a place filter, the candidates are found from its places outwards (a country's
// work is hundreds of initiatives, the map's tens of thousands); the filters then apply.
CALL () {
  WITH coalesce($countryPlaces, $regionPlaces) AS places
  WITH places WHERE places IS NOT NULL
  MATCH (p:MapNode) WHERE p.id IN places
  MATCH (p)<-[:OPERATES_IN]-(i:Initiative)
  RETURN i
  UNION
  WITH coalesce($countryPlaces, $regionPlaces) AS places
  WITH places WHERE places IS NULL
  MATCH (i:Initiative)
  RETURN i
}
WITH i
WHERE ($theme IS NULL OR EXISTS { (i)-[:ADDRESSES]->(:Theme {id: $theme}) })
  AND ($sdgTarget IS NULL OR EXISTS { (i)-[:CONTRIBUTES_TO]->(:SdgTarget {id: $sdgTarget}) })
  AND ($actionGroup IS NULL OR EXISTS { (:ActionGroup {id: $actionGroup})-[:COORDINATES]->(i) })
  AND ($countryPlaces IS NULL OR EXISTS { (i)-[:OPERATES_IN]->(p) WHERE p.id IN $countryPlaces })
  AND ($regionPlaces IS NULL OR EXISTS { (i)-[:OPERATES_IN]->(p) WHERE p.id IN $regionPlaces })
  AND ($activeOn IS NULL
       OR (i.status IN ['active', 'completed']
           AND (i.start_on IS NULL OR i.start_on <= $activeOn)
           AND (i.end_on >= $activeOn OR (i.end_on IS NULL AND i.status = 'active'))))
  AND ($organizationType IS NULL OR EXISTS {
       (o:Organization)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|REQUESTED|PROPOSED]->(i)
       WHERE o.type = $organizationType })
CALL (i) {
  OPTIONAL MATCH (o:Organization)-[role:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|REQUESTED|PROPOSED]->(i)
  WHERE $organizationType IS NULL OR o.type = $organizationType
  RETURN o, role
}
WITH i, o, role
ORDER BY o IS NULL, toLower(o.name), o.id, toLower(i.name), i.id, type(role), role.key
WITH collect({o: o, role: role, i: i}) AS matched
WITH size(matched) AS total, matched[$skip..($skip + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS row
CALL (row) {
  WITH row.i AS i WHERE i IS NOT NULL
  OPTIONAL MATCH (i)-[:OPERATES_IN]->(place:MapNode)
  WITH place ORDER BY place.id
  RETURN collect({id: place.id, props: properties(place)}) AS places
}
CALL (row) {
  WITH row.i AS i WHERE i IS NOT NULL
  OPTIONAL MATCH (i)-[:ADDRESSES]->(theme:Theme)
  WITH theme ORDER BY theme.id
  RETURN collect({id: theme.id, props: properties(theme)}) AS themes
}
CALL (row) {
  WITH row.i AS i WHERE i IS NOT NULL
  OPTIONAL MATCH (i)-[:CONTRIBUTES_TO]->(target:SdgTarget)
  WITH target ORDER BY target.id
  RETURN collect({id: target.id, props: properties(target)}) AS sdgTargets
}
CALL (row) {
  WITH row.role AS role
  OPTIONAL MATCH (src:Source {id: role.source})
  RETURN properties(src) AS source
}
RETURN total, collect(CASE WHEN row IS NULL THEN NULL ELSE {
  organization: CASE WHEN row.o IS NULL THEN NULL ELSE {id: row.o.id, props: properties(row.o)} END,
  role: CASE WHEN row.role IS NULL THEN NULL ELSE type(row.role) END,
  roleProps: CASE WHEN row.role IS NULL THEN {} ELSE properties(row.role) END,
  initiative: {id: row.i.id, props: properties(row.i)},
  places: [p IN places WHERE p.id IS NOT NULL],
  themes: [t IN themes WHERE t.id IS NOT NULL],
  sdgTargets: [t IN sdgTargets WHERE t.id IS NOT NULL],
  source: source
} END) AS page
