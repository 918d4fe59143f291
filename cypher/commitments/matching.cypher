// The commitments that match a filter, with their dated progress updates, by due date
// (those with none last) and name. Status and "overdue on" are decided in
// service/domain/accountability.py, from the record's own status and its progress updates
// together, so they are not filtered here. Narrowed by who made, owns or asked for one
// (an organization or an Alliance body), by theme, by initiative, and by place under the
// map's one place rule (the country and region filters arrive as the sets of places each
// matches).
// Parameters: $organization, $actionGroup, $theme, $initiative, $countryPlaces, $regionPlaces
// Returns: one row per commitment: id, props, updates (list of {progress, since})
MATCH (c:Commitment)
WHERE ($organization IS NULL
       OR EXISTS { (c)-[:MADE_BY|OWNED_BY|REQUESTED_BY]->(:Organization {id: $organization}) })
  AND ($actionGroup IS NULL
       OR EXISTS { (c)-[:MADE_BY|OWNED_BY|REQUESTED_BY]->(:ActionGroup {id: $actionGroup}) })
  AND ($theme IS NULL OR EXISTS { (c)-[:ADDRESSES]->(:Theme {id: $theme}) })
  AND ($initiative IS NULL OR EXISTS { (c)-[:FOR_INITIATIVE]->(:Initiative {id: $initiative}) })
  AND ($countryPlaces IS NULL OR EXISTS { (c)-[:CONCERNS]->(p) WHERE p.id IN $countryPlaces })
  AND ($regionPlaces IS NULL OR EXISTS { (c)-[:CONCERNS]->(p) WHERE p.id IN $regionPlaces })
RETURN c.id AS id, properties(c) AS props,
       COLLECT { MATCH (c)-[u:PROGRESS_REPORTED]->(:Source)
                 RETURN {progress: u.progress, since: u.since} } AS updates
ORDER BY c.due_on IS NULL, c.due_on, toLower(c.name), c.id
