// Records the secretariat's verdict on a pair of initiatives, replacing any earlier one
// (the audit trail keeps those), with what each initiative was when reviewed: a digest of
// what overlap scoring compares (service/domain/overlap_reviews.py). Responses already
// given stay with the pair.
// Parameters: $pair (text: the two ids in order, joined by a space), $a, $b (the ids),
//             $verdict, $reason, $reviewedBy (the key's name), $reviewerRole,
//             $reviewedAs (list of text: each id with its digest)
// Returns: one row: before (the earlier review's properties, or null)
OPTIONAL MATCH (old:OverlapReview {pair: $pair})
WITH properties(old) AS before
MERGE (r:OverlapReview {pair: $pair})
SET r.a = $a, r.b = $b, r.verdict = $verdict, r.reason = $reason,
    r.reviewed_by = $reviewedBy, r.reviewer_role = $reviewerRole,
    r.reviewed_at = datetime(), r.reviewed_as = $reviewedAs
RETURN before
