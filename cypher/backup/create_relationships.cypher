// Creates a batch of a backup's relationships between nodes the restore has created, in
// its one transaction.
// Parameters: $rows (list of maps: start, end, the new element ids of its ends; type;
// props, a map)
// Returns: one row: created (count)
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.start
MATCH (b) WHERE elementId(b) = row.end
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
