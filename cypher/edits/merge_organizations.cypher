// Moves every relationship of a duplicate organization onto the survivor, then retires the
// duplicate, marked as merged into the survivor. Where the survivor already has the same
// relationship (same key), the survivor's is kept. A key is the ends and type, and, for a
// citation or a type keyed by a property (a status among a country's statuses), that
// property, as service/model/records.py makes it. Seats held for the duplicate (a
// relationship's `organization` property) are then held for the survivor. Both versions
// go up by one.
// Parameters: $survivor, $duplicate, $keyedBy (map: relationship type → the property it is
//             keyed by, CITED_IN's section included)
// Returns: one row: moved (relationships moved), survivor (its properties), duplicate (its properties)
MATCH (kept:MapNode:Organization {id: $survivor}), (gone:MapNode:Organization {id: $duplicate})
CALL (kept, gone) {
  MATCH (gone)-[r]->(m)
  WHERE m <> kept
  WITH kept, r, m, type(r) AS t, properties(r) AS p
  WITH kept, r, m, t, p,
       kept.id + '|' + t + '|' + m.id
         + CASE WHEN $keyedBy[t] IS NULL THEN ''
                ELSE '|' + coalesce(toString(p[$keyedBy[t]]), '') END AS key
  MERGE (kept)-[n:$(t) {key: key}]->(m)
    ON CREATE SET n = p, n.key = key
  DELETE r
  RETURN count(*) AS outgoing
}
CALL (kept, gone) {
  MATCH (m)-[r]->(gone)
  WHERE m <> kept
  WITH kept, r, m, type(r) AS t, properties(r) AS p
  WITH kept, r, m, t, p,
       m.id + '|' + t + '|' + kept.id
         + CASE WHEN $keyedBy[t] IS NULL THEN ''
                ELSE '|' + coalesce(toString(p[$keyedBy[t]]), '') END AS key
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
CALL (kept, gone) {
  OPTIONAL MATCH (:Person)-[s:SEATED|ATTENDED|CHAIRED]->()
  WHERE s.organization = gone.id
  SET s.organization = kept.id
  RETURN count(s) AS reseated
}
REMOVE gone:MapNode:Organization
SET gone:Retired, gone.version = gone.version + 1, gone.merged_into = kept.id,
    gone.retired = toString(datetime()), kept.version = kept.version + 1
CREATE (gone)-[:MERGED_INTO]->(kept)
RETURN outgoing + incoming + reseated AS moved, properties(kept) AS survivor,
       properties(gone) AS duplicate
