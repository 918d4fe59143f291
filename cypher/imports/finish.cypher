// Marks an import run's writes final, in one transaction, before its undo steps are
// deleted: a run found done is never undone, only ended.
// Parameters: $run, $token
// Returns: one row if the run is still the caller's: run
MATCH (r:ImportRun {id: $run})
SET r._lock = true
REMOVE r._lock
WITH r
WHERE r.token = $token
SET r.done = true, r.heartbeat = datetime()
RETURN r.id AS run
