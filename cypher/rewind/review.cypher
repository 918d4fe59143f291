// Puts a review of a pair back as the audit trail says it was before a later review,
// inside a transaction that is never committed (service/editing/as_of.py): absent (the
// pair was first reviewed later; its responses go with it), or with the earlier verdict
// and reason. The trail does not keep what the earlier review saw of the initiatives, so
// the later review's digests stay.
// Parameters: $label ('OverlapReview' or 'SuggestionReview'), $pair (the pair's name),
//             $before (map of verdict and reason, or null)
// Returns: one row: done (bool)
OPTIONAL MATCH (r:$($label) {pair: $pair})
CALL (r) {
  WITH r WHERE r IS NOT NULL AND $before IS NULL
  OPTIONAL MATCH (s:OverlapResponse {pair: $pair})
  DETACH DELETE s, r
}
CALL (r) {
  WITH r WHERE r IS NOT NULL AND $before IS NOT NULL
  SET r.verdict = $before.verdict, r.reason = $before.reason
}
RETURN true AS done
