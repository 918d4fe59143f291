// Keeps where each fact of an import batch was seen: one SEEN_IN from the record (for a
// relationship, from its start) to the file, per fact, so importing a file again renews it
// (its last sighting, where it is in the file, the text as written) instead of adding one.
// `fact` is the record's id, or the relationship's key. The first sighting of a fact in an
// import wins its place in the file; a fact seen twice in one import counts once.
// Parameters: $rows (list of {node, fact, file, where, original, activity}; one per fact
//             and file), $at (the import's start, a datetime)
// Returns: one row: seen (list of {node, fact, file, before: its properties before, or
//          null}, for the facts this batch changed)
UNWIND $rows AS row
// Found by the index on the fact, not by walking the record's notes: an organization that
// leads a thousand activities of one file has a thousand notes to that file, and the
// planner, left to itself, walks them (an import of 10,000 rows spent most of its time
// here, growing with the square of the rows).
OPTIONAL MATCH (a:MapNode)-[old:SEEN_IN {fact: row.fact}]->(f:ImportFile)
USING INDEX old:SEEN_IN(fact)
WHERE a.id = row.node AND f.name = row.file
WITH row, old, properties(old) AS before
CALL (row, old) {
  WITH row, old
  WHERE old IS NULL
  MATCH (n:MapNode {id: row.node})
  MATCH (f:ImportFile {name: row.file})
  CREATE (n)-[s:SEEN_IN {fact: row.fact, first_seen: $at, times: 0}]->(f)
  RETURN s
UNION
  WITH row, old
  WHERE old IS NOT NULL
  RETURN old AS s
}
WITH s, row, before, s.last_seen = $at AS already
SET s.times = CASE WHEN already THEN s.times ELSE s.times + 1 END,
    s.where = CASE WHEN already THEN s.where ELSE row.where END,
    s.original = CASE WHEN already THEN s.original ELSE row.original END,
    s.activity = CASE WHEN already THEN s.activity ELSE row.activity END,
    s.last_seen = $at
RETURN collect(CASE WHEN already THEN NULL
                    ELSE {node: row.node, fact: row.fact, file: row.file, before: before} END) AS seen
