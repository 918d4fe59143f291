// Takes over an import run whose owner stopped without ending it: its process is gone
// ($owner_gone, decided by the caller, which can see the processes of its own host) or its
// heartbeat is older than $stale_seconds. Checked again under the run's write lock, against
// the token the caller read, so of two processes claiming one run only one succeeds, and a
// run whose owner has just renewed its heartbeat is not claimed for staleness.
// Parameters: $run, $seen_token, $owner_gone, $stale_seconds, $token, $host, $pid, $pid_started
// Returns: one row if claimed: run, done, actor
MATCH (r:ImportRun {id: $run})
SET r._lock = true
REMOVE r._lock
WITH r
WHERE coalesce(r.token, '') = $seen_token
  AND ($owner_gone OR r.heartbeat <= datetime() - duration({seconds: $stale_seconds}))
SET r.token = $token, r.host = $host, r.pid = $pid, r.pid_started = $pid_started,
    r.heartbeat = datetime(), r.undoing = NOT coalesce(r.done, false)
RETURN r.id AS run, coalesce(r.done, false) AS done, r.actor AS actor
