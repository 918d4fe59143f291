// Deletes up to $limit stored pairs of a generation no longer current (or of a rescore
// that failed), so a large generation goes in several small transactions.
// Parameters: $generation (text), $limit (integer)
// Returns: one row: deleted (count)
MATCH (p:OverlapPair {generation: $generation})
WITH p LIMIT $limit
DELETE p
RETURN count(p) AS deleted
