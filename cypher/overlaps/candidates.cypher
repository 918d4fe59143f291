// Candidate pairs for overlap scoring ("blocking"): only initiatives that share something
// concrete are compared, so the work grows with these pairs rather than with the square of
// all initiatives. A pair is a candidate if the two share an organization, or a
// coordinating action group, or a theme and a kind of work and either the same place (not
// the whole world) or no place short of the world for both. (A national and a regional
// initiative are compared only through a shared organization or action group: blocking on
// containment would pair every regional initiative with its whole region.) Two follow-ups
// of the same event, declaration or initiative are compared, and so are two initiatives
// linked with, following up or complementing each other (to be told apart as related).
// With $asOf, work that had ended by that day (its known end is before it, or it is
// completed with no end date) is left out. Optional filters keep pairs where both address
// $theme, or where at least one works in $country or a region around it (short of the
// whole world).
// Parameters: $theme (theme id or null), $country (country id or null), $asOf (date or null)
// Returns: one row per candidate pair: a, b (initiative ids, a < b)
CALL () {
  MATCH (a:Initiative)<-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]-(:Organization)
        -[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(b:Initiative)
  WHERE a.id < b.id
  RETURN a, b
  UNION
  MATCH (a:Initiative)<-[:COORDINATES]-(:ActionGroup)-[:COORDINATES]->(b:Initiative)
  WHERE a.id < b.id
  RETURN a, b
  UNION
  MATCH (a:Initiative)-[:FOLLOWS_UP]->()<-[:FOLLOWS_UP]-(b:Initiative)
  WHERE a.id < b.id
  RETURN a, b
  UNION
  MATCH (a:Initiative)-[:LINKED_WITH|FOLLOWS_UP|COMPLEMENTS]-(b:Initiative)
  WHERE a.id < b.id
  RETURN a, b
  UNION
  MATCH (i:Initiative)-[:OPERATES_IN]->(p:MapNode)
  WHERE p.id <> 'region:world'
  MATCH (i)-[:ADDRESSES]->(t:Theme)
  UNWIND i.work AS work
  WITH p, t, work, collect(i) AS same
  UNWIND same AS a
  UNWIND same AS b
  WITH a, b WHERE a.id < b.id
  RETURN a, b
  UNION
  MATCH (i:Initiative)
  WHERE NOT EXISTS { (i)-[:OPERATES_IN]->(p) WHERE p.id <> 'region:world' }
  WITH collect(i) AS unplaced
  UNWIND unplaced AS a
  UNWIND unplaced AS b
  WITH a, b
  WHERE a.id < b.id AND any(work IN a.work WHERE work IN b.work)
    AND EXISTS { (a)-[:ADDRESSES]->(:Theme)<-[:ADDRESSES]-(b) }
  RETURN a, b
}
WITH DISTINCT a, b
WHERE ($asOf IS NULL
       OR all(x IN [a, b] WHERE NOT (coalesce(x.end_on < $asOf, false)
                                     OR (x.status = 'completed' AND x.end_on IS NULL))))
  AND ($theme IS NULL OR (EXISTS { (a)-[:ADDRESSES]->(:Theme {id: $theme}) }
                          AND EXISTS { (b)-[:ADDRESSES]->(:Theme {id: $theme}) }))
  AND ($country IS NULL
       OR EXISTS { (a)-[:OPERATES_IN]->(p) WHERE p.id = $country OR (p.id <> 'region:world'
                   AND EXISTS { (:Country {id: $country})-[:IN_REGION*1..2]->(p) }) }
       OR EXISTS { (b)-[:OPERATES_IN]->(p) WHERE p.id = $country OR (p.id <> 'region:world'
                   AND EXISTS { (:Country {id: $country})-[:IN_REGION*1..2]->(p) }) })
RETURN a.id AS a, b.id AS b
