// Renews an import run's heartbeat, in the transaction of the batch it has just written.
// Parameters: $run
// Returns: one row: run
MATCH (r:ImportRun {id: $run})
SET r.heartbeat = datetime()
RETURN r.id AS run
