// Creates or updates map nodes by global id and gives each its kind label. A node's
// properties are replaced by the row's, so running the same rows twice changes nothing.
// Parameters: $rows (list of {id, label, props}; label is checked against service/ids.py)
// Returns: one row: written, created, updated (counts of nodes)
UNWIND $rows AS row
OPTIONAL MATCH (old:MapNode {id: row.id})
WITH row, old IS NULL AS isNew, properties(old) AS before
MERGE (n:MapNode {id: row.id})
SET n:$(row.label)
SET n = row.props
RETURN count(n) AS written,
       sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND before <> row.props THEN 1 ELSE 0 END) AS updated
