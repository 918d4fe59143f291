// Ends a rescore of the whole map: its generation becomes the current one, under its
// scoring version, and the notes of changes it has taken in are cleared.
// Parameters: $generation (text), $version (text), $refs (element ids of notes it read)
// Returns: one row: previous (the generation it replaced, or null)
MERGE (s:OverlapState {id: 'overlaps'})
WITH s, s.generation AS previous
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
