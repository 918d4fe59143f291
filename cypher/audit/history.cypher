// The audit events that concern a node (as the node changed, an end of a relationship, or
// a party to a merge), newest first. The map's own events (alerts it raised about the
// node) are not changes to it: they are in the changes feed, not in its history.
// Parameters: $id, $limit
// Returns: one row per event: id, at, actor, role, scope, action, targets, summary, before, after
MATCH (e:AuditEvent)
WHERE $id IN e.targets AND e.role <> 'system'
INCLUDE audit/event
ORDER BY e.at DESC, e.id
LIMIT $limit
