// Moves every relationship of a duplicate organization onto the survivor, then retires the
// duplicate, marked as merged into the survivor. Where the survivor already has the same
// relationship (same key), the survivor's is kept. A key is the ends and type, and, for a
// citation or a type keyed by a property (a status among a country's statuses), that
// property, as service/model/records.py makes it. Seats held for the duplicate (a
// relationship's `organization` property) are then held for the survivor. Both versions
// go up by one. A merge judgement keeps judging the duplicate. What moved is returned, so the merge can be undone (edits/unmerge).
// Parameters: $survivor, $duplicate, $keyedBy (map: relationship type → the property it is
//             keyed by, CITED_IN's section included)
// Returns: one row: moved (each relationship moved: way 'out' or 'in', type, other, props
//          as it was, key on the survivor, existed: the survivor had it already), between
//          (the relationships joining the two, removed: from, type, to, props), reseated
//          (seats moved: person, type, to, key), survivor (its properties), duplicate (its
//          properties)
MATCH (kept:MapNode:Organization {id: $survivor}), (gone:MapNode:Organization {id: $duplicate})
CALL (kept, gone) {
  OPTIONAL MATCH (gone)-[r]-(kept)
  WITH collect(r) AS found
  WITH found, [r IN found | {from: startNode(r).id, type: type(r), to: endNode(r).id,
                             props: properties(r)}] AS between
  FOREACH (r IN found | DELETE r)
  RETURN between
}
CALL (kept, gone) {
  MATCH (gone)-[r]->(m)
  // Where imports saw the duplicate (SEEN_IN, keyed by its facts under its own id) stays
  // with it: its sightings are its own, read with includeRetired.
  WHERE type(r) <> 'SEEN_IN'
  WITH kept, r, m, type(r) AS t, properties(r) AS p
  WITH kept, r, m, t, p,
       kept.id + '|' + t + '|' + m.id
         + CASE WHEN $keyedBy[t] IS NULL THEN ''
                ELSE '|' + coalesce(toString(p[$keyedBy[t]]), '') END AS key
  OPTIONAL MATCH (kept)-[had {key: key}]->(m)
  WITH kept, r, m, t, p, key, count(had) > 0 AS existed
  MERGE (kept)-[n:$(t) {key: key}]->(m)
    ON CREATE SET n = p, n.key = key
  DELETE r
  RETURN collect({way: 'out', type: t, other: m.id, props: p, key: key,
                  existed: existed}) AS outgoing
}
CALL (kept, gone) {
  MATCH (m)-[r]->(gone)
  // A judgement judges the records it names, merged or not: it stays with the duplicate.
  WHERE type(r) <> 'JUDGES'
  WITH kept, r, m, type(r) AS t, properties(r) AS p
  WITH kept, r, m, t, p,
       m.id + '|' + t + '|' + kept.id
         + CASE WHEN $keyedBy[t] IS NULL THEN ''
                ELSE '|' + coalesce(toString(p[$keyedBy[t]]), '') END AS key
  OPTIONAL MATCH (m)-[had {key: key}]->(kept)
  WITH kept, r, m, t, p, key, count(had) > 0 AS existed
  MERGE (m)-[n:$(t) {key: key}]->(kept)
    ON CREATE SET n = p, n.key = key
  DELETE r
  RETURN collect({way: 'in', type: t, other: m.id, props: p, key: key,
                  existed: existed}) AS incoming
}
CALL (kept, gone) {
  OPTIONAL MATCH (p:Person)-[s:SEATED|ATTENDED|CHAIRED]->(to)
  WHERE s.organization = gone.id
  SET s.organization = kept.id
  RETURN [x IN collect({person: p.id, type: type(s), to: to.id, key: s.key})
          WHERE x.person IS NOT NULL] AS reseated
}
REMOVE gone:MapNode:Organization
SET gone:Retired, gone.version = gone.version + 1, gone.merged_into = kept.id,
    gone.retired = toString(datetime()), kept.version = kept.version + 1
CREATE (gone)-[:MERGED_INTO]->(kept)
RETURN outgoing + incoming AS moved, between, reseated, properties(kept) AS survivor,
       properties(gone) AS duplicate
