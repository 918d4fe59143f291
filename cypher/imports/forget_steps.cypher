// Deletes up to $limit of a finished run's undo steps (its writes are final).
// Parameters: $run, $limit
// Returns: one row: deleted (steps deleted by this call)
MATCH (s:ImportStep {run: $run})
WITH s LIMIT $limit
DELETE s
RETURN count(*) AS deleted
