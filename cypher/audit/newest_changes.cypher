// The newest changes that audit/matching.inc picks, newest first: what a feed reader is
// shown (service/interchange/atom.py).
// Parameters: $since, $kind, $id, $action, $limit
// Returns: one row per event: id, at, actor, role, scope, action, targets, summary, before, after
MATCH (e:AuditEvent)
WHERE
INCLUDE audit/matching
INCLUDE audit/event
ORDER BY e.at DESC, e.id DESC
LIMIT $limit
