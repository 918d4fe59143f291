// Starts a rescore of the whole map: marks it running (rescores of single changes wait
// for it) and reads the notes of changes made so far, which its switch will clear.
// Parameters: none
// Returns: one row: refs (element ids of the notes present now)
MERGE (s:OverlapState {id: 'overlaps'})
SET s.rebuilding_since = datetime()
WITH s
OPTIONAL MATCH (q:OverlapsPending)
RETURN collect(elementId(q)) AS refs
