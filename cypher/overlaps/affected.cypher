// The initiatives whose overlaps a change to the given nodes can alter: the initiatives
// among them, and those an organization or action group among them works on or an event
// among them is followed up by (their group's size changes what is compared). Themes,
// places, SDG targets and sources are not followed: what they say is not scored.
// Parameters: $ids (ids of changed nodes, of any kind)
// Returns: one row per initiative: id
UNWIND $ids AS id
MATCH (n:MapNode {id: id})
CALL (n) {
  WITH n WHERE n:Initiative RETURN n AS i
  UNION
  MATCH (n)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|COORDINATES]->(i:Initiative)
  WHERE n:Organization OR n:ActionGroup
  RETURN i
  UNION
  MATCH (i:Initiative)-[:FOLLOWS_UP]->(n) WHERE n:Event OR n:Initiative
  RETURN i
}
RETURN DISTINCT i.id AS id
