// Where organizations stand with the Alliance, its bodies and other groups, narrowed by
// standing and by the body or organization they stand with; by body, then organization.
// A standing is recorded (MEMBERSHIP), or read from a seat: an organization MEMBER_OF a
// body is a member of it, in the seat it holds, and no second record says so.
// Parameters: $standings (list or null), $body (an action group or organization id, or null)
// Returns: one row per membership: organization {id, props}, body {id, props}, props
//          (standing included), source (the cited source's properties, or null)
MATCH (o:Organization)-[r:MEMBERSHIP|MEMBER_OF]->(b:MapNode)
WITH o, r, b,
     CASE type(r) WHEN 'MEMBER_OF' THEN 'member' ELSE r.standing END AS standing
WHERE ($standings IS NULL OR standing IN $standings)
  AND ($body IS NULL OR b.id = $body)
OPTIONAL MATCH (s:Source {id: r.source})
RETURN {id: o.id, props: properties(o)} AS organization,
       {id: b.id, props: properties(b)} AS body,
       r {.*, standing: standing} AS props, properties(s) AS source
ORDER BY toLower(b.name), toLower(o.name), o.id, coalesce(r.seat, '')
