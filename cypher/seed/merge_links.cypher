// Creates or updates relationships between map nodes, keyed by their `key` property
// (from|type|to, plus the section for citations). Rows whose ends are missing are skipped,
// so the caller compares `written` with the number of rows it sent.
// Parameters: $rows (list of {from, type, to, props}; type is checked against service/seed/graph.py)
// Returns: one row: written, created, updated (counts of relationships)
UNWIND $rows AS row
MATCH (a:MapNode {id: row.from})
MATCH (b:MapNode {id: row.to})
OPTIONAL MATCH (a)-[old:$(row.type) {key: row.props.key}]->(b)
WITH a, b, row, old IS NULL AS isNew, properties(old) AS before
MERGE (a)-[r:$(row.type) {key: row.props.key}]->(b)
SET r = row.props
RETURN count(r) AS written,
       sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND before <> row.props THEN 1 ELSE 0 END) AS updated
