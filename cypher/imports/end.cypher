// Ends an import run once its holds are released and its undo steps are gone.
// Parameters: $run
// Returns: one row: ended (count)
OPTIONAL MATCH (r:ImportRun {id: $run})
DELETE r
RETURN count(r) AS ended
