// The pairs of organizations whose coordination suggestion was reviewed, with the verdict.
// Parameters: none
// Returns: one row per pair: a, b (ids in order), verdict, reason, reviewedAt
MATCH (r:SuggestionReview)
RETURN r.a AS a, r.b AS b, r.verdict AS verdict, r.reason AS reason,
       toString(r.reviewed_at) AS reviewedAt
