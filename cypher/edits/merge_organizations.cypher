// Moves every relationship of a duplicate organization onto the survivor, then retires the
// duplicate, marked as merged into the survivor. Where the survivor already has the same
// relationship (same key), the survivor's is kept. Both versions go up by one.
// Parameters: $survivor, $duplicate
// Returns: one row: moved (relationships moved), survivor (its properties), duplicate (its properties)
MATCH (kept:MapNode:Organization {id: $survivor}), (gone:MapNode:Organization {id: $duplicate})
CALL (kept, gone) {
  MATCH (gone)-[r]->(m)
  WHERE m <> kept
  WITH kept, r, m, type(r) AS t, properties(r) AS p
  WITH kept, r, m, t, p,
       kept.id + '|' + t + '|' + m.id
         + CASE WHEN t = 'CITED_IN' THEN '|' + coalesce(p.section, '') ELSE '' END AS key
  MERGE (kept)-[n:$(t) {key: key}]->(m)
    ON CREATE SET n = p, n.key = key
  DELETE r
  RETURN count(*) AS outgoing
}
CALL (kept, gone) {
  MATCH (m)-[r]->(gone)
  WHERE m <> kept
  WITH kept, r, m, type(r) AS t, properties(r) AS p
  WITH kept, r, m, t, p, m.id + '|' + t + '|' + kept.id AS key
  MERGE (m)-[n:$(t) {key: key}]->(kept)
    ON CREATE SET n = p, n.key = key
  DELETE r
  RETURN count(*) AS incoming
}
CALL (kept, gone) {
  OPTIONAL MATCH (gone)-[r]-(kept)
  DELETE r
  RETURN count(r) AS between
}
REMOVE gone:MapNode:Organization
SET gone:Retired, gone.version = gone.version + 1, gone.merged_into = kept.id,
    gone.retired = toString(datetime()), kept.version = kept.version + 1
CREATE (gone)-[:MERGED_INTO]->(kept)
RETURN outgoing + incoming AS moved, properties(kept) AS survivor, properties(gone) AS duplicate
