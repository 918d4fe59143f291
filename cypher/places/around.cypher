// The places one place filter matches, under the map's one place rule: the place itself,
// every country and region inside it, and every region it lies in (the world included),
// each with how it relates to the place and how many steps away it is.
// Parameters: $place (a country or region id)
// Returns: one row per place: id, relation ('self', 'inside' or 'around'), steps (int),
//          scheme (the region's scheme, or null for a country)
MATCH (p:MapNode {id: $place})
CALL (p) {
  RETURN p AS found, 'self' AS relation, 0 AS steps
  UNION
  MATCH path = (p)-[:IN_REGION*1..4]->(up:Region)
  RETURN up AS found, 'around' AS relation, min(length(path)) AS steps
  UNION
  MATCH path = (down:MapNode)-[:IN_REGION*1..4]->(p)
  RETURN down AS found, 'inside' AS relation, min(length(path)) AS steps
}
RETURN found.id AS id, relation, min(steps) AS steps, found.scheme AS scheme
ORDER BY steps, id
