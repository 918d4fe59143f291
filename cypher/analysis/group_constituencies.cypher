// The members of each action group and Alliance body (chairs, members, supporters) with
// their organization type and the seat they hold (where the source names one; a MEMBERSHIP
// whose standing is member counts as membership too), and the organizations whose
// partnership or membership with it is not (or not yet) membership: blocked or pending
// partnerships, and pending, declined, blocked, withdrawn, observer or partner standings,
// with that status and the reason or decision.
// And the seats people hold on it (SEATED), each with the organization they sit for (its
// name and type; null where the source names none), as the report lists them seat by seat.
// Parameters: none
// Returns: one row per group: group {id, props}, members (list of {id, name, type, seats}),
//          partnerships (list of {id, name, type, status, reason}),
//          seated (list of {seat, organization, name, type})
MATCH (g:ActionGroup)
CALL (g) {
  OPTIONAL MATCH (o:Organization)-[r:CHAIRS|MEMBER_OF|SUPPORTS|MEMBERSHIP]->(g)
  WHERE type(r) <> 'MEMBERSHIP' OR r.standing = 'member'
  WITH o, [s IN collect(r.seat) WHERE s IS NOT NULL] AS seats
  RETURN collect(CASE WHEN o IS NULL THEN NULL
                      ELSE {id: o.id, name: o.name, type: o.type, seats: seats} END) AS members
}
CALL (g) {
  OPTIONAL MATCH (o:Organization)-[p:PARTNERSHIP_WITH|MEMBERSHIP]->(g)
  WHERE type(p) = 'PARTNERSHIP_WITH' OR p.standing <> 'member'
  RETURN collect(CASE WHEN o IS NULL THEN NULL ELSE {id: o.id, name: o.name, type: o.type,
                      status: coalesce(p.status, p.standing),
                      reason: coalesce(p.reason, p.decision)} END) AS partnerships
}
CALL (g) {
  OPTIONAL MATCH (:Person)-[s:SEATED]->(g)
  OPTIONAL MATCH (o:Organization {id: s.organization})
  RETURN collect(CASE WHEN s IS NULL THEN NULL
                      ELSE {seat: s.seat, organization: o.id, name: o.name, type: o.type} END)
         AS seated
}
RETURN {id: g.id, props: properties(g)} AS group, members, partnerships, seated
ORDER BY toLower(g.name)
