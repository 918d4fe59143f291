// Creates or updates relationships between map nodes, keyed by their `key` property
// (from|type|to, plus the section for citations). Rows whose ends are missing are skipped,
// so the caller compares `written` with the number of rows it sent. What it returns is
// what the loader needs to undo the batch.
// Not a MERGE: with the relationship type given as a parameter, Neo4j 5.26 may plan MERGE
// (and any match of `$(row.type)` between the two ends) as a scan of every relationship
// in the map for each row: 71 million rows for one batch of a seed load onto a map of
// 10,000 imported initiatives, whether the type is matched as a label or by type(r). The start is locked before the check, as MERGE would lock it, so no other
// writer adds the same key in between.
// Parameters: $rows (list of {from, type, to, props}; type is checked against service/seed/graph.py)
// Returns: one row: written (count), created (list of {from, type, to, key}), updated
//          (list of {from, type, to, key, before}: the properties each changed one had)
UNWIND $rows AS row
MATCH (a:MapNode {id: row.from})
MATCH (b:MapNode {id: row.to})
SET a._locked = true
REMOVE a._locked
WITH a, b, row
// Walked from whichever end has fewer relationships (a node's degree is stored), as a
// pattern comprehension from one bound end is planned.
WITH a, b, row,
     CASE WHEN COUNT { (a)-->() } <= COUNT { (b)<--() }
       THEN [(a)-[r]->(x) WHERE x = b AND type(r) = row.type AND r.key = row.props.key | r]
       ELSE [(b)<-[r]-(x) WHERE x = a AND type(r) = row.type AND r.key = row.props.key | r]
     END[0] AS old
WITH a, b, row, old, properties(old) AS before
CALL (a, b, row, old) {
  WITH a, b, row, old
  WHERE old IS NULL
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.props
  RETURN r
UNION
  WITH row, old
  WHERE old IS NOT NULL
  SET old = row.props
  RETURN old AS r
}
WITH row, r, before IS NULL AS isNew, before,
     {from: row.from, type: row.type, to: row.to, key: row.props.key} AS link
RETURN count(r) AS written,
       collect(CASE WHEN isNew THEN link END) AS created,
       collect(CASE WHEN NOT isNew AND before <> row.props THEN link {.*, before: before} END) AS updated
