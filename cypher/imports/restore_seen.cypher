// Restores where facts were seen, as a map export carries it: a note the map lacks is
// made as written; one it has keeps the earlier first sighting, the later last one (with
// the rows and text of the later), and the larger count. A note of a record not on the
// map, or of a file not restored, is not made; its index is returned.
// Parameters: $rows (list of {node, fact, file, where, original, activity, first_seen,
//             last_seen, times}; one per node, fact and file)
// Returns: one row: seen (list of {node, fact, file, before}), missing (indexes in $rows)
UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
// By the index on the fact (seen.cypher says why).
OPTIONAL MATCH (a:MapNode)-[old:SEEN_IN {fact: row.fact}]->(of:ImportFile)
USING INDEX old:SEEN_IN(fact)
WHERE a.id = row.node AND of.name = row.file
WITH i, row, properties(old) AS before
OPTIONAL MATCH (n:MapNode {id: row.node})
OPTIONAL MATCH (f:ImportFile {name: row.file})
CALL (row, before, n, f) {
  WITH row, before, n, f
  WHERE before IS NULL AND n IS NOT NULL AND f IS NOT NULL
  CREATE (n)-[s:SEEN_IN {fact: row.fact}]->(f)
  SET s.first_seen = row.first_seen, s.last_seen = row.last_seen, s.times = row.times,
      s.where = row.where, s.original = row.original, s.activity = row.activity
  RETURN count(*) AS created
}
CALL (row, before) {
  WITH row, before
  WHERE before IS NOT NULL
  MATCH (a:MapNode)-[s:SEEN_IN {fact: row.fact}]->(sf:ImportFile)
  USING INDEX s:SEEN_IN(fact)
  WHERE a.id = row.node AND sf.name = row.file
  WITH s, row, row.last_seen > s.last_seen AS newer
  SET s.where = CASE WHEN newer THEN row.where ELSE s.where END,
      s.original = CASE WHEN newer THEN row.original ELSE s.original END,
      s.activity = CASE WHEN newer THEN row.activity ELSE s.activity END,
      s.last_seen = CASE WHEN newer THEN row.last_seen ELSE s.last_seen END,
      s.first_seen = CASE WHEN row.first_seen < s.first_seen
                          THEN row.first_seen ELSE s.first_seen END,
      s.times = CASE WHEN row.times > s.times THEN row.times ELSE s.times END
  RETURN count(*) AS renewed
}
WITH i, row, before, n IS NOT NULL AND f IS NOT NULL AS placed
RETURN collect(CASE WHEN placed
                    THEN {node: row.node, fact: row.fact, file: row.file, before: before} END) AS seen,
       collect(CASE WHEN NOT placed THEN i END) AS missing
