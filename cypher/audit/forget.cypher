// Deletes the audit events of changes that were undone (a failed import's batches), so the
// history says what the map holds.
// Parameters: $ids
// Returns: one row: deleted
UNWIND $ids AS id
MATCH (e:AuditEvent {id: id})
DELETE e
RETURN count(*) AS deleted
