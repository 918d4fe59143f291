// Starts an import run: who runs it, when it started, and a heartbeat each batch renews (a
// run whose heartbeat is older than its staleness no longer holds anything).
// Parameters: $run, $actor
// Returns: one row: run
CREATE (r:ImportRun {id: $run, actor: $actor, started: datetime(), heartbeat: datetime()})
RETURN r.id AS run
