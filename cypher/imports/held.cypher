// Which of the given records an import that is still running holds (its heartbeat is newer
// than $stale_seconds ago), other than run $run, with who runs it and since when.
// Parameters: $ids, $run (the asking import's own run, or null), $stale_seconds
// Returns: one row per held id: id, actor, started
UNWIND $ids AS id
MATCH (h:ImportHold {id: id})
WHERE h.run <> coalesce($run, '')
MATCH (r:ImportRun {id: h.run})
WHERE r.heartbeat > datetime() - duration({seconds: $stale_seconds})
RETURN h.id AS id, r.actor AS actor, toString(r.started) AS started
ORDER BY id
