// The audit events that concern a node (as the node changed, an end of a relationship, or
// a party to a merge), newest first.
// Parameters: $id, $limit
// Returns: one row per event: id, at, actor, role, scope, action, targets, summary, before, after
MATCH (e:AuditEvent)
WHERE $id IN e.targets
RETURN e.id AS id, toString(e.at) AS at, e.actor AS actor, e.role AS role, e.scope AS scope,
       e.action AS action, e.targets AS targets, e.summary AS summary,
       e.before AS before, e.after AS after
ORDER BY e.at DESC, e.id
LIMIT $limit
