// Starts a rescore of changed initiatives: takes the state node's write lock (so two
// rescores run one after the other, never over each other), then reads the notes of what
// changed. Runs first in the rescore's own transaction.
// Parameters: none
// Returns: one row per note: ref (its element id), targets; none if no state exists yet
MATCH (s:OverlapState {id: 'overlaps'})
SET s.synced_at = datetime()
WITH s
MATCH (q:OverlapsPending)
RETURN elementId(q) AS ref, q.targets AS targets, s.generation AS generation,
       s.rebuilding_since AS rebuildingSince
