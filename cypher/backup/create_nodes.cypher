// Creates a batch of a backup's nodes with their labels and properties, in the restore's
// one transaction.
// Parameters: $rows (list of maps: n, the node's number in the backup; labels, a list;
// props, a map)
// Returns: one row per node created: n (its number in the backup), element (its new
// element id)
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
RETURN row.n AS n, elementId(n) AS element
