// Import runs whose heartbeat is older than $stale_seconds ago: their process stopped
// without ending them, so their holds are to be released.
// Parameters: $stale_seconds
// Returns: one row per stale run: run
MATCH (r:ImportRun)
WHERE r.heartbeat <= datetime() - duration({seconds: $stale_seconds})
RETURN r.id AS run
