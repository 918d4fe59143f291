// Creates or updates relationships between map nodes, keyed by their `key` property
// (from|type|to, plus the section for citations). Rows whose ends are missing are skipped,
// so the caller compares `written` with the number of rows it sent. What it returns is
// what the loader needs to undo the batch.
// Parameters: $rows (list of {from, type, to, props}; type is checked against service/seed/graph.py)
// Returns: one row: written (count), created (list of {from, type, to, key}), updated
//          (list of {from, type, to, key, before}: the properties each changed one had)
UNWIND $rows AS row
MATCH (a:MapNode {id: row.from})
MATCH (b:MapNode {id: row.to})
OPTIONAL MATCH (a)-[old:$(row.type) {key: row.props.key}]->(b)
WITH a, b, row, old IS NULL AS isNew, properties(old) AS before
MERGE (a)-[r:$(row.type) {key: row.props.key}]->(b)
SET r = row.props
WITH row, r, isNew, before,
     {from: row.from, type: row.type, to: row.to, key: row.props.key} AS link
RETURN count(r) AS written,
       collect(CASE WHEN isNew THEN link END) AS created,
       collect(CASE WHEN NOT isNew AND before <> row.props THEN link {.*, before: before} END) AS updated
