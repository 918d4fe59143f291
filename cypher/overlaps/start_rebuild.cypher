// Starts a rescore of the whole map: counts it as running (rescores of single changes wait
// while any runs: two workers may start one each) and reads the notes of changes made so
// far, which its switch will clear. A count left by a rescore whose process died (one
// started before $staleBefore) is not carried on.
// Parameters: $staleBefore (datetime)
// Returns: one row: refs (element ids of the notes present now)
MERGE (s:OverlapState {id: 'overlaps'})
SET s.rebuilds = CASE WHEN s.rebuilding_since IS NULL OR s.rebuilding_since < $staleBefore
                      THEN 1 ELSE coalesce(s.rebuilds, 0) + 1 END
SET s.rebuilding_since = datetime()
WITH s
OPTIONAL MATCH (q:OverlapsPending)
RETURN collect(elementId(q)) AS refs
