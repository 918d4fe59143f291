// Every import run, with its owner and whether its heartbeat is older than $stale_seconds,
// so the caller can tell which were abandoned by a process that stopped. (A run begun
// before owners were recorded has none: only its heartbeat tells.)
// Parameters: $stale_seconds
// Returns: one row per run: run, token, host, pid, pid_started, stale
MATCH (r:ImportRun)
RETURN r.id AS run, coalesce(r.token, '') AS token, coalesce(r.host, '') AS host,
       coalesce(r.pid, -1) AS pid, coalesce(r.pid_started, '') AS pid_started,
       r.heartbeat <= datetime() - duration({seconds: $stale_seconds}) AS stale
ORDER BY r.started
