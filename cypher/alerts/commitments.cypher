// What an alert about each commitment says (service/editing/alerts.py): what it concerns
// (the organizations and bodies that made it or are to carry it out, its themes and
// places), the meeting it is due at (DUE_AT) or, failing one, the first dated event that
// may be where it is met: one that those who made it or are to carry it out organize,
// host, chair or attend, that begins after it was made (after the event it was made at,
// and not before its made-on date) and no later than its due date.
// Parameters: $ids (commitment ids), $roles (the relationship types that put an
//             organization or body in an event)
// Returns: one row per commitment found: id, dueAt (map of id, name, date, on, or null),
//          maybe (the same with by: the names of those taking part, or null), themes,
//          places, organizations (ids)
UNWIND $ids AS id
MATCH (c:Commitment {id: id})
OPTIONAL MATCH (c)-[:DUE_AT]->(at:Event)
OPTIONAL MATCH (c)-[:MADE_AT]->(made:Event)
CALL (c, at, made) {
  OPTIONAL MATCH (c)-[:MADE_BY|OWNED_BY]->(who)-[r]->(e:Event)
  WHERE at IS NULL AND type(r) IN $roles AND e.start_on IS NOT NULL
    // After it was made, by the event it was made at or the day (a partial date's text
    // sorts before every day it covers); when that is not known, no event is taken.
    AND coalesce(made.end_on, c.made_on) IS NOT NULL
    AND (made IS NULL OR (e <> made AND (made.end_on IS NULL OR e.start_on > made.end_on)))
    AND (c.made_on IS NULL OR toString(e.start_on) >= c.made_on)
    AND (c.due_on IS NULL OR e.start_on <= c.due_on)
  WITH e, collect(DISTINCT who.name) AS by
  ORDER BY e.start_on, e.id
  LIMIT 1
  RETURN CASE WHEN e IS NULL THEN null
    ELSE {id: e.id, name: e.name, date: e.date, on: e.start_on, by: by} END AS maybe
}
RETURN c.id AS id,
       CASE WHEN at IS NULL THEN null
         ELSE {id: at.id, name: at.name, date: at.date, on: at.start_on} END AS dueAt,
       maybe,
       [(c)-[:ADDRESSES]->(t:Theme) | t.id] AS themes,
       [(c)-[:CONCERNS]->(p) | p.id] AS places,
       [(c)-[:MADE_BY|OWNED_BY]->(o) | o.id] AS organizations
