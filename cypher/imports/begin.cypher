// Starts an import run once its rows are checked: who runs it (for the log, never for a
// refusal), the process that owns it (its host, process id and that process's start time,
// so another process on the host can tell whether it is gone), a token only that owner
// knows (each write of the run checks it), a heartbeat each batch renews, and the ticket
// its starter chose to follow its progress by (null if none).
// Parameters: $run, $actor, $token, $host, $pid, $pid_started, $ticket
// Returns: one row: run
CREATE (r:ImportRun {
  id: $run, actor: $actor, token: $token, host: $host, pid: $pid, pid_started: $pid_started,
  started: datetime(), heartbeat: datetime(), done: false, undoing: false, ticket: $ticket
})
RETURN r.id AS run
