// The newest changes that audit/matching.inc picks, newest first: what a feed reader is
// shown (service/interchange/atom.py).
// Parameters: $since, $kind, $id, $action, $limit
// Returns: one row per event: id, at, actor, role, scope, action, targets, summary, before, after
MATCH (e:AuditEvent)
WHERE
INCLUDE audit/matching
RETURN e.id AS id, toString(e.at) AS at, e.actor AS actor, e.role AS role, e.scope AS scope,
       e.action AS action, e.targets AS targets, e.summary AS summary,
       e.before AS before, e.after AS after
ORDER BY e.at DESC, e.id DESC
LIMIT $limit
