// Store the organization ranking computed from the network: each organization's degree
// and betweenness, as parallel lists on one NetworkRanking node (no organization record
// changes, so no version is raised), with the fingerprint it was computed from.
// Parameters: $ids (organization ids), $degrees (ints), $betweenness (floats, same order),
//             $fingerprint (text), $sample (sources sampled, or null for exact)
// Returns: one row: computedAt, sample (what the fingerprint query reports of it)
MERGE (s:NetworkRanking {id: 'organizations'})
SET s.ids = $ids, s.degrees = $degrees, s.betweenness = $betweenness,
    s.fingerprint = $fingerprint, s.sample = $sample, s.computed_at = datetime()
RETURN s.computed_at AS computedAt, s.sample AS sample
