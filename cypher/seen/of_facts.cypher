// Where facts were seen: for each record (fact = its id) or relationship (fact = its key,
// node = its start), every file an import found it in, with the file's own last import,
// so a fact missing from a file's newer import shows as not seen since its last sighting.
// Parameters: $facts (list of {node, fact})
// Returns: one row per fact asked, in order: node, fact, seen (list of {file, where,
//          original, activity, first_seen, last_seen, times, file_first_imported,
//          file_last_imported, file_imports}, by file name)
UNWIND $facts AS want
CALL (want) {
  // By the index on the fact: a record may have thousands of notes to one file.
  OPTIONAL MATCH (a:MapNode)-[s:SEEN_IN {fact: want.fact}]->(f:ImportFile)
  USING INDEX s:SEEN_IN(fact)
  WHERE a.id = want.node
  WITH s, f ORDER BY f.name
  RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE s {
    .where, .original, .activity, .first_seen, .last_seen, .times,
    file: f.name, file_first_imported: f.first_imported,
    file_last_imported: f.last_imported, file_imports: f.imports
  } END) AS seen
}
RETURN want.node AS node, want.fact AS fact, seen
