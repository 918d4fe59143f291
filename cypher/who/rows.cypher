// "Who is doing what, where": one page of rows, one per (organization, role, initiative)
// matching every given filter (who/matching.inc; a null filter matches all), and one, with
// no organization, for each matching initiative no organization is recorded for; so every
// initiative that matches appears (who/total counts them). Places follow the map's one
// place rule (service/domain/places.py): the country and region filters arrive as the sets
// of places each matches. Rows are ordered by organization (by its sort key, then id; rows
// with none last), then initiative and role, and cut to the page before the places,
// themes, targets and sources of that page are read.
// With a place filter, the candidates are found from its places outwards (a country's
// work is hundreds of initiatives, the map's tens of thousands) and sorted. Without one,
// organizations are read in the order of their sort key's index, each one's work in order,
// until the page is full: a first page reads about its own rows, not the whole map.
// Parameters: $countryPlaces, $regionPlaces, $theme, $sdgTarget, $organizationType,
//             $actionGroup, $activeOn, $skip, $limit
// Returns: one row: page (list of {organization ({id, props} or null), role (or null),
//          roleProps, initiative, places, themes, sdgTargets, source})
CALL () {
  WITH coalesce($countryPlaces, $regionPlaces) AS places
  WITH places WHERE places IS NOT NULL
  MATCH (p:MapNode) WHERE p.id IN places
  MATCH (p)<-[:OPERATES_IN]-(i:Initiative)
  WITH DISTINCT i WHERE
INCLUDE who/matching
  CALL (i) {
    OPTIONAL MATCH (o:Organization)-[role:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|REQUESTED|PROPOSED]->(i)
    WHERE $organizationType IS NULL OR o.type = $organizationType
    RETURN o, role
  }
  WITH i, o, role
  ORDER BY o IS NULL, o.name_key, o.id, i.name_key, i.id, type(role), role.key
  SKIP $skip LIMIT $limit
  RETURN collect({o: o, role: role, i: i}) AS placed
}
CALL () {
  MATCH (o:Organization)
  WHERE $countryPlaces IS NULL AND $regionPlaces IS NULL AND o.name_key IS NOT NULL
    AND ($organizationType IS NULL OR o.type = $organizationType)
  WITH o ORDER BY o.name_key, o.id
  CALL (o) {
    MATCH (o)-[role:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|REQUESTED|PROPOSED]->(i:Initiative)
    WHERE
INCLUDE who/matching
    RETURN role, i
  }
  WITH o, role, i
  ORDER BY o.name_key, o.id, i.name_key, i.id, type(role), role.key
  LIMIT $skip + $limit
  RETURN collect({o: o, role: role, i: i}) AS worked
}
// Past the last organization's rows: the initiatives no organization is recorded for.
CALL (worked) {
  // Read only when the organizations' rows end before the page does (an UNWIND of nothing
  // otherwise, which the planner keeps ahead of the scan).
  UNWIND CASE WHEN $countryPlaces IS NULL AND $regionPlaces IS NULL AND $organizationType IS NULL
              AND size(worked) < $skip + $limit THEN [true] ELSE [] END AS needed
  MATCH (i:Initiative)
  WHERE i.name_key IS NOT NULL
    AND NOT EXISTS { (:Organization)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|REQUESTED|PROPOSED]->(i) }
    AND
INCLUDE who/matching
  WITH i ORDER BY i.name_key, i.id
  LIMIT $skip + $limit
  RETURN collect({o: null, role: null, i: i}) AS unrecorded
}
WITH CASE WHEN $countryPlaces IS NULL AND $regionPlaces IS NULL
          THEN (worked + unrecorded)[$skip..($skip + $limit)] ELSE placed END AS page
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
RETURN collect(CASE WHEN row IS NULL THEN NULL ELSE {
  organization: CASE WHEN row.o IS NULL THEN NULL ELSE {id: row.o.id, props: properties(row.o)} END,
  role: CASE WHEN row.role IS NULL THEN NULL ELSE type(row.role) END,
  roleProps: CASE WHEN row.role IS NULL THEN {} ELSE properties(row.role) END,
  initiative: {id: row.i.id, props: properties(row.i)},
  places: [p IN places WHERE p.id IS NOT NULL],
  themes: [t IN themes WHERE t.id IS NOT NULL],
  sdgTargets: [t IN sdgTargets WHERE t.id IS NOT NULL],
  source: source
} END) AS page
