// Which generation of stored overlaps is current, under which scoring, since when; whether
// a rescore of the whole map is running; how many changes wait to be scored; and how many
// initiatives the map holds.
// Parameters: none
// Returns: one row: generation, version, scoredAt, rebuildingSince (null when none runs),
//          pending (count), initiatives (count)
OPTIONAL MATCH (s:OverlapState {id: 'overlaps'})
CALL () { MATCH (q:OverlapsPending) RETURN count(q) AS pending }
CALL () { MATCH (i:Initiative) RETURN count(i) AS initiatives }
RETURN s.generation AS generation, s.version AS version, s.scored_at AS scoredAt,
       s.rebuilding_since AS rebuildingSince, pending, initiatives
