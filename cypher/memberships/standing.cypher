// Where organizations stand with the Alliance and its bodies (MEMBERSHIP), narrowed by
// standing and by the body or organization they stand with; by body, then organization.
// Parameters: $standings (list or null), $body (an action group or organization id, or null)
// Returns: one row per membership: organization {id, props}, body {id, props}, props,
//          source (the cited source's properties, or null)
MATCH (o:Organization)-[r:MEMBERSHIP]->(b:MapNode)
WHERE ($standings IS NULL OR r.standing IN $standings)
  AND ($body IS NULL OR b.id = $body)
OPTIONAL MATCH (s:Source {id: r.source})
RETURN {id: o.id, props: properties(o)} AS organization,
       {id: b.id, props: properties(b)} AS body,
       properties(r) AS props, properties(s) AS source
ORDER BY toLower(b.name), toLower(o.name), o.id
