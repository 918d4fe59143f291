// Counts a failed rescore of the whole map as no longer running.
// Parameters: none
// Returns: nothing
MATCH (s:OverlapState {id: 'overlaps'})
SET s.rebuilds = coalesce(s.rebuilds, 1) - 1
SET s.rebuilding_since = CASE WHEN s.rebuilds > 0 THEN s.rebuilding_since END
