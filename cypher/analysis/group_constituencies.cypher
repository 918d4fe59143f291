// The members of each action group and Alliance body (chairs, members, supporters) with
// their organization type and the seat they hold (where the source names one), and the
// organizations whose partnership with it is blocked or pending, with status and reason.
// Parameters: none
// Returns: one row per group: group {id, props}, members (list of {id, name, type, seats}),
//          partnerships (list of {id, name, type, status, reason})
MATCH (g:ActionGroup)
CALL (g) {
  OPTIONAL MATCH (o:Organization)-[r:CHAIRS|MEMBER_OF|SUPPORTS]->(g)
  WITH o, [s IN collect(r.seat) WHERE s IS NOT NULL] AS seats
  RETURN collect(CASE WHEN o IS NULL THEN NULL
                      ELSE {id: o.id, name: o.name, type: o.type, seats: seats} END) AS members
}
CALL (g) {
  OPTIONAL MATCH (o:Organization)-[p:PARTNERSHIP_WITH]->(g)
  RETURN collect(CASE WHEN o IS NULL THEN NULL ELSE {id: o.id, name: o.name, type: o.type,
                      status: p.status, reason: p.reason} END) AS partnerships
}
RETURN {id: g.id, props: properties(g)} AS group, members, partnerships
ORDER BY toLower(g.name)
