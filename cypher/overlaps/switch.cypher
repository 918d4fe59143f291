// Ends a rescore of the whole map: its generation becomes the current one, under its
// scoring version, and the notes of changes it has taken in are cleared.
// Parameters: $generation (text), $version (text), $refs (element ids of notes it read)
// Returns: one row: previous (the generation it replaced, or null)
MERGE (s:OverlapState {id: 'overlaps'})
// Written before it is read, so the state's write lock is held first: two rescores switching
// at once then each see the other's generation as the one it replaces (read unlocked, both
// saw the same, and the first one's pairs were left behind for good).
SET s.switching = true
WITH s, s.generation AS previous
REMOVE s.switching
SET s.generation = $generation, s.version = $version, s.scored_at = datetime(),
    s.rebuilds = coalesce(s.rebuilds, 1) - 1
SET s.rebuilding_since = CASE WHEN s.rebuilds > 0 THEN s.rebuilding_since END
WITH previous
CALL (previous) {
  UNWIND $refs AS ref
  MATCH (q:OverlapsPending) WHERE elementId(q) = ref
  DELETE q
}
RETURN previous
