// The audit events that concern a node (as the node changed, an end of a relationship, or
// a party to a merge), newest first.
// Parameters: $id, $limit
// Returns: one row per event: id, at, actor, role, scope, action, targets, summary, before, after
MATCH (e:AuditEvent)
WHERE $id IN e.targets
INCLUDE audit/event
ORDER BY e.at DESC, e.id
LIMIT $limit
