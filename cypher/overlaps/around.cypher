// What a record's overlaps hang on, read before it is deleted, retired or restored (after
// which its relationships no longer tell): for an initiative, the organizations, action
// groups and events or initiatives it shares with others; for an organization, action
// group or event, the initiatives it is part of.
// Parameters: $id (a map node id)
// Returns: one row per node found: id
MATCH (n:MapNode {id: $id})
CALL (n) {
  MATCH (n)<-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|COORDINATES]-(x) RETURN x
  UNION
  MATCH (n)-[:FOLLOWS_UP]->(x) RETURN x
  UNION
  MATCH (n)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|COORDINATES]->(x:Initiative) RETURN x
  UNION
  MATCH (n)<-[:FOLLOWS_UP]-(x:Initiative) RETURN x
}
RETURN DISTINCT x.id AS id
