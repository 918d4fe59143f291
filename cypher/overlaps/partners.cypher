// The initiatives that may be compared with the given ones (service/scoring/blocking.py
// decides which are): linked with, following up or complementing them; platforms on a
// theme they share; everything behind an organization, action group or followed-up
// origin they share (all of it, so the group's size is known); and what shares a place
// short of the world and a theme with them, or, for one placed nowhere narrower, what is
// placed nowhere narrower either and shares a theme with it.
// Parameters: $ids (initiative ids)
// Returns: one row per initiative found (the given ones not included): id
UNWIND $ids AS id
MATCH (i:Initiative {id: id})
CALL (i) {
  MATCH (i)-[:LINKED_WITH|FOLLOWS_UP|COMPLEMENTS]-(j:Initiative) RETURN j
  UNION
  MATCH (i)<-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|COORDINATES]-()
        -[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|COORDINATES]->(j:Initiative)
  RETURN j
  UNION
  MATCH (i)-[:FOLLOWS_UP]->()<-[:FOLLOWS_UP]-(j:Initiative) RETURN j
  UNION
  MATCH (i)-[:ADDRESSES]->(:Theme)<-[:ADDRESSES]-(j:Initiative)
  WHERE i.kind = 'platform' AND j.kind = 'platform'
  RETURN j
  UNION
  MATCH (i)-[:OPERATES_IN]->(p)<-[:OPERATES_IN]-(j:Initiative)
  WHERE p.id <> 'region:world' AND EXISTS { (i)-[:ADDRESSES]->(:Theme)<-[:ADDRESSES]-(j) }
  RETURN j
  UNION
  MATCH (i)-[:ADDRESSES]->(:Theme)<-[:ADDRESSES]-(j:Initiative)
  WHERE NOT EXISTS { (i)-[:OPERATES_IN]->(p) WHERE p.id <> 'region:world' }
    AND NOT EXISTS { (j)-[:OPERATES_IN]->(p) WHERE p.id <> 'region:world' }
  RETURN j
}
WITH DISTINCT j
WHERE NOT j.id IN $ids
RETURN j.id AS id
