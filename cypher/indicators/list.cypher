// The indicators on the map, by name, narrowed to those on a theme and to those with an
// observed value for one of a set of places (a country's filter: the country itself, its
// regions, the world).
// Parameters: $theme (or null), $places (list of place ids, or null)
// Returns: one row per indicator: id, props
MATCH (i:Indicator)
WHERE ($theme IS NULL OR EXISTS { (i)-[:ADDRESSES]->(:Theme {id: $theme}) })
  AND ($places IS NULL OR EXISTS {
        MATCH (v:NeedEstimate)-[:OBSERVES]->(i), (v)-[:FOR_COUNTRY|FOR_REGION]->(p)
        WHERE p.id IN $places })
RETURN i.id AS id, properties(i) AS props
ORDER BY toLower(i.name), i.id
