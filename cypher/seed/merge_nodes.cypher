// Creates or updates map nodes by global id and gives each its kind label. A node's
// properties are replaced by the row's, so running the same rows twice changes nothing.
// Its version (see migration 4) starts at 1 and goes up by one when the row changes it, so
// an editor who read the node before a reload is told it changed. What it returns is what
// the loader needs to undo the batch: the ids it created, and the properties it replaced.
// Parameters: $rows (list of {id, label, props}; label is checked against service/model/ids.py)
// Returns: one row: written (count of nodes), created (list of ids), updated (list of
//          {id, before}: the properties each changed node had)
UNWIND $rows AS row
OPTIONAL MATCH (old:MapNode {id: row.id})
WITH row, old IS NULL AS isNew, properties(old) AS before, row.props AS given
WITH row, isNew, before, given {.*, version: coalesce(before.version, 1)} AS same
WITH row, isNew, before, same,
     CASE WHEN isNew OR before = same THEN same ELSE same {.*, version: same.version + 1} END AS props
MERGE (n:MapNode {id: row.id})
SET n:$(row.label)
SET n = props
RETURN count(n) AS written,
       collect(CASE WHEN isNew THEN row.id END) AS created,
       collect(CASE WHEN NOT isNew AND before <> same
               THEN {id: row.id, before: before} END) AS updated
