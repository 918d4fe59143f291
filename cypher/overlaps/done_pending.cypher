// Clears the notes of changes that have been scored.
// Parameters: $refs (element ids of OverlapsPending notes)
// Returns: one row: cleared (count)
UNWIND $refs AS ref
MATCH (q:OverlapsPending) WHERE elementId(q) = ref
DELETE q
RETURN count(q) AS cleared
