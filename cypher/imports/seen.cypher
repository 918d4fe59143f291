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
MATCH (n:MapNode {id: row.node})
MATCH (f:ImportFile {name: row.file})
OPTIONAL MATCH (n)-[old:SEEN_IN {fact: row.fact}]->(f)
WITH n, f, row, properties(old) AS before
MERGE (n)-[s:SEEN_IN {fact: row.fact}]->(f)
  ON CREATE SET s.first_seen = $at, s.times = 0
WITH s, row, before, s.last_seen = $at AS already
SET s.times = CASE WHEN already THEN s.times ELSE s.times + 1 END,
    s.where = CASE WHEN already THEN s.where ELSE row.where END,
    s.original = CASE WHEN already THEN s.original ELSE row.original END,
    s.activity = CASE WHEN already THEN s.activity ELSE row.activity END,
    s.last_seen = $at
RETURN collect(CASE WHEN already THEN NULL
                    ELSE {node: row.node, fact: row.fact, file: row.file, before: before} END) AS seen
