// Lets any process take over an import run at once: its owner could not undo it (the
// database failed it half-way), so it hands the run on rather than leave its records held
// until the heartbeat is stale.
// Parameters: $run, $token
// Returns: one row if the run was the caller's: run
MATCH (r:ImportRun {id: $run})
WHERE r.token = $token
SET r.token = '', r.heartbeat = datetime({epochSeconds: 0})
RETURN r.id AS run
