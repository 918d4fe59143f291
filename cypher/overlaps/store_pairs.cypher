// Writes scored pairs into a generation of stored overlaps.
// Parameters: $generation (text), $pairs (list of {a, b, score, verdict, why, reasons};
//             reasons as JSON text)
// Returns: one row: written (count)
UNWIND $pairs AS pair
CREATE (p:OverlapPair {key: $generation + '|' + pair.a + '|' + pair.b, generation: $generation,
                       a: pair.a, b: pair.b, score: pair.score, verdict: pair.verdict,
                       why: pair.why, reasons: pair.reasons})
RETURN count(p) AS written
