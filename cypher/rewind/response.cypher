// Puts an organization's response to a review back as the audit trail says it was before
// a later one, inside a transaction that is never committed: absent, or the earlier text.
// Parameters: $id (the pair and the organization), $before (map of response, or null)
// Returns: one row: done (bool)
OPTIONAL MATCH (s:OverlapResponse {id: $id})
CALL (s) {
  WITH s WHERE s IS NOT NULL AND $before IS NULL
  DELETE s
}
CALL (s) {
  WITH s WHERE s IS NOT NULL AND $before IS NOT NULL
  SET s.response = $before.response
}
RETURN true AS done
