// Deletes an undo step once it has been undone, in the transaction that undid it, so no
// step is undone twice.
// Parameters: $run, $step
// Returns: one row: deleted
OPTIONAL MATCH (s:ImportStep {run: $run, step: $step})
DELETE s
RETURN count(s) AS deleted
