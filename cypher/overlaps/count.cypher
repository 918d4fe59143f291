// How many pairs a generation of stored overlaps holds.
// Parameters: $generation (text)
// Returns: one row: pairs (count)
MATCH (p:OverlapPair {generation: $generation})
RETURN count(p) AS pairs
