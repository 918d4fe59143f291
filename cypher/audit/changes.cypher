// The changes made after a moment, oldest first, as a feed reads them: every audit event
// (edits, imports with the file and row each came from, merges, undoings) that
// audit/matching.inc picks, after the event a page ended at ($afterAt, $afterId: the
// cursor) if given.
// Parameters: $since, $afterAt, $afterId, $kind, $id, $action, $limit
// Returns: one row per event: id, at, actor, role, scope, action, targets, summary, before, after
MATCH (e:AuditEvent)
WHERE
INCLUDE audit/matching
  AND ($afterAt IS NULL OR e.at > datetime($afterAt)
       OR (e.at = datetime($afterAt) AND e.id > $afterId))
INCLUDE audit/event
ORDER BY e.at, e.id
LIMIT $limit
