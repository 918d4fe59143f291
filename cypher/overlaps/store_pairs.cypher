// Writes scored pairs into a generation of stored overlaps: the pair, its score and its
// verdict (the reasons are worked out again for the pairs a read returns).
// Parameters: $generation (text), $pairs (list of {a, b, score, verdict})
// Returns: one row: written (count)
UNWIND $pairs AS pair
CREATE (p:OverlapPair {generation: $generation, a: pair.a, b: pair.b, score: pair.score,
                       verdict: pair.verdict})
RETURN count(p) AS written
