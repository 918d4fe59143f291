// One page of commitments, by due date (those with none last) and name, narrowed by status,
// to those overdue on a day (due before it and still made or in progress), by who made,
// owns or asked for one (an organization or an Alliance body), by theme, by initiative,
// and by place under the map's one place rule (the country and region filters arrive as
// the sets of places each matches).
// Parameters: $statuses (list or null), $overdueOn (date or null), $openStatuses (list),
//             $organization, $actionGroup, $theme, $initiative, $countryPlaces,
//             $regionPlaces, $skip, $limit
// Returns: one row: total (int), page (list of {id, props})
MATCH (c:Commitment)
WHERE ($statuses IS NULL OR c.status IN $statuses)
  AND ($overdueOn IS NULL OR (c.due_on IS NOT NULL AND c.due_on < $overdueOn
                              AND c.status IN $openStatuses))
  AND ($organization IS NULL
       OR EXISTS { (c)-[:MADE_BY|OWNED_BY|REQUESTED_BY]->(:Organization {id: $organization}) })
  AND ($actionGroup IS NULL
       OR EXISTS { (c)-[:MADE_BY|OWNED_BY|REQUESTED_BY]->(:ActionGroup {id: $actionGroup}) })
  AND ($theme IS NULL OR EXISTS { (c)-[:ADDRESSES]->(:Theme {id: $theme}) })
  AND ($initiative IS NULL OR EXISTS { (c)-[:FOR_INITIATIVE]->(:Initiative {id: $initiative}) })
  AND ($countryPlaces IS NULL OR EXISTS { (c)-[:CONCERNS]->(p) WHERE p.id IN $countryPlaces })
  AND ($regionPlaces IS NULL OR EXISTS { (c)-[:CONCERNS]->(p) WHERE p.id IN $regionPlaces })
WITH c ORDER BY c.due_on IS NULL, c.due_on, toLower(c.name), c.id
WITH collect(c) AS matched
RETURN size(matched) AS total,
       [c IN matched[$skip..($skip + $limit)] | {id: c.id, props: properties(c)}] AS page
