// Where imports saw the given records and the relationships that start at them, for the
// map's CSV and JSON exports (a map restored from them keeps it).
// Parameters: $ids (record ids)
// Returns: one row per note: node, fact, file, where, original, activity, first_seen,
//          last_seen, times, file_first_imported, file_last_imported, file_imports
UNWIND $ids AS id
MATCH (a:MapNode {id: id})-[s:SEEN_IN]->(f:ImportFile)
RETURN a.id AS node, s.fact AS fact, f.name AS file, s.where AS where,
       s.original AS original, s.activity AS activity, s.first_seen AS first_seen,
       s.last_seen AS last_seen, s.times AS times, f.first_imported AS file_first_imported,
       f.last_imported AS file_last_imported, f.imports AS file_imports
ORDER BY node, fact, file
