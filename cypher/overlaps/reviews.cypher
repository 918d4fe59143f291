// Reviews of pairs of initiatives with the responses to each, oldest response first; of
// the pairs given, or of every reviewed pair with $pairs null.
// Parameters: $pairs (list of text, or null)
// Returns: one row per review: pair, a, b, verdict, reason, reviewedBy, reviewerRole,
//          reviewedAt (text), reviewedAs, responses (list of {organization,
//          organizationName, response, respondedBy, respondedAt})
MATCH (r:OverlapReview)
WHERE $pairs IS NULL OR r.pair IN $pairs
CALL (r) {
  OPTIONAL MATCH (s:OverlapResponse {pair: r.pair})
  OPTIONAL MATCH (o:Organization {id: s.organization})
  WITH s, o ORDER BY s.responded_at
  RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE {
    organization: s.organization, organizationName: o.name, response: s.response,
    respondedBy: s.responded_by, respondedAt: toString(s.responded_at)
  } END) AS responses
}
RETURN r.pair AS pair, r.a AS a, r.b AS b, r.verdict AS verdict, r.reason AS reason,
       r.reviewed_by AS reviewedBy, r.reviewer_role AS reviewerRole,
       toString(r.reviewed_at) AS reviewedAt, r.reviewed_as AS reviewedAs, responses
ORDER BY r.reviewed_at DESC, r.pair
