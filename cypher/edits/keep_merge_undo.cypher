// Keeps on a merge's MERGED_INTO relationship what the merge moved and the aliases it gave
// the survivor (JSON text), so it can be undone.
// Parameters: $survivor, $duplicate, $undo (JSON text)
// Returns: one row if the merge is there: done (true)
MATCH (:Retired {id: $duplicate})-[m:MERGED_INTO]->(:MapNode:Organization {id: $survivor})
SET m.undo = $undo
RETURN true AS done
