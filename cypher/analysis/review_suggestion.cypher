// Records the secretariat's review of a coordination suggestion, replacing an earlier one:
// the pair is not suggested again.
// Parameters: $pair (the two ids in order, joined by a space), $a, $b, $verdict, $reason,
//             $reviewedBy (the key's name)
// Returns: one row: before (the earlier review's properties, or null)
OPTIONAL MATCH (old:SuggestionReview {pair: $pair})
WITH properties(old) AS before
MERGE (r:SuggestionReview {pair: $pair})
SET r.a = $a, r.b = $b, r.verdict = $verdict, r.reason = $reason,
    r.reviewed_by = $reviewedBy, r.reviewed_at = datetime()
RETURN before
