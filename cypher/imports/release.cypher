// Releases up to $limit of a run's holds.
// Parameters: $run, $limit
// Returns: one row: deleted (holds deleted by this call)
MATCH (h:ImportHold {run: $run})
WITH h LIMIT $limit
DELETE h
RETURN count(*) AS deleted
