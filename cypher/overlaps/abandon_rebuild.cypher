// Marks a failed rescore of the whole map as no longer running.
// Parameters: none
// Returns: nothing
MATCH (s:OverlapState {id: 'overlaps'})
SET s.rebuilding_since = null
