// An involved organization's response to the review of a pair, replacing its earlier one.
// Parameters: $pair (text), $id (the pair and the organization), $organization (id),
//             $response (text), $respondedBy (the key's name)
// Returns: one row if the pair has a review: before (the earlier response's properties,
//          or null)
MATCH (r:OverlapReview {pair: $pair})
OPTIONAL MATCH (old:OverlapResponse {id: $id})
WITH r, properties(old) AS before
MERGE (s:OverlapResponse {id: $id})
SET s.pair = $pair, s.organization = $organization, s.response = $response,
    s.responded_by = $respondedBy, s.responded_at = datetime()
RETURN before
