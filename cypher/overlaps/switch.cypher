// Ends a rescore of the whole map: its generation becomes the current one, under its
// scoring version, and the notes of changes it has taken in are cleared.
// Parameters: $generation (text), $version (text), $refs (element ids of notes it read)
// Returns: one row: previous (the generation it replaced, or null)
MERGE (s:OverlapState {id: 'overlaps'})
WITH s, s.generation AS previous
SET s.generation = $generation, s.version = $version, s.scored_at = datetime(),
    s.rebuilding_since = null
WITH previous
CALL (previous) {
  UNWIND $refs AS ref
  MATCH (q:OverlapsPending) WHERE elementId(q) = ref
  DELETE q
}
RETURN previous
