// Creates or replaces records by id, with their kind label; each row's properties carry the
// version the import gives it (1 for a new record, one more for a changed one).
// Parameters: $rows (list of {id, label, props}; label is checked against service/model/ids.py)
// Returns: one row: written
UNWIND $rows AS row
MERGE (n:MapNode {id: row.id})
SET n:$(row.label)
SET n = row.props
RETURN count(n) AS written
