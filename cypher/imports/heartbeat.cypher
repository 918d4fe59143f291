// Renews an import run's heartbeat, first thing in the transaction of each batch the run
// writes (or undoes). The run's write lock is taken before anything is read, so a process
// that claims the run (cypher/imports/claim.cypher) and the run's owner never both write:
// no row comes back once the run has been claimed by another process or has ended, and the
// caller then stops without writing.
// Parameters: $run, $token
// Returns: one row if the run is still the caller's: run, done (its writes are final)
MATCH (r:ImportRun {id: $run})
SET r._lock = true
REMOVE r._lock
WITH r
WHERE r.token = $token
SET r.heartbeat = datetime()
RETURN r.id AS run, coalesce(r.done, false) AS done
