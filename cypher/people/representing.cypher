// The people holding a seat for one organization: each seat, with the person and the body
// or meeting it is on.
// Parameters: $organization
// Returns: one row per seat: person {id, props}, body {id, props}, type, props, source
//          (the cited source's properties, or null)
MATCH (p:Person)-[r:SEATED|ATTENDED|CHAIRED]->(b:MapNode)
WHERE r.organization = $organization
OPTIONAL MATCH (s:Source {id: r.source})
RETURN {id: p.id, props: properties(p)} AS person,
       {id: b.id, props: properties(b)} AS body,
       type(r) AS type, properties(r) AS props, properties(s) AS source
ORDER BY toLower(p.name), p.id, type(r), toLower(b.name), b.id, r.seat, toString(r.since)
