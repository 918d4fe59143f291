// The changes made after $since and up to $until, oldest first, a page at a time (after
// the event a page ended at: $afterAt, $afterId), for a diff of the map between two moments.
// Parameters: $since, $until (datetimes), $afterAt, $afterId, $limit
// Returns: one row per event: id, at, actor, role, scope, action, targets, summary, before, after
MATCH (e:AuditEvent)
WHERE e.at > $since AND e.at <= $until
  AND ($afterAt IS NULL OR e.at > datetime($afterAt)
       OR (e.at = datetime($afterAt) AND e.id > $afterId))
INCLUDE audit/event
ORDER BY e.at, e.id
LIMIT $limit
