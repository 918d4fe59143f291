// Takes back the provenance an import batch wrote (service/interchange/seen.py): a fact's
// SEEN_IN the batch added is deleted, one it renewed gets back what it held; a file the
// batch noted first is deleted once nothing is seen in it, one it noted again gets back its
// dates and count.
// Parameters: $seen (list of {node, fact, file, before: properties or null}),
//             $files (list of {name, before: properties or null})
// Returns: one row: facts, files (counts)
CALL (*) {
  UNWIND $seen AS row
  // By the index on the fact (seen.cypher says why).
  MATCH (a:MapNode)-[s:SEEN_IN {fact: row.fact}]->(sf:ImportFile)
  USING INDEX s:SEEN_IN(fact)
  WHERE a.id = row.node AND sf.name = row.file
  FOREACH (_ IN CASE WHEN row.before IS NULL THEN [1] ELSE [] END | DELETE s)
  FOREACH (_ IN CASE WHEN row.before IS NULL THEN [] ELSE [1] END | SET s = row.before)
  RETURN count(*) AS facts
}
CALL (*) {
  UNWIND $files AS row
  MATCH (f:ImportFile {name: row.name})
  WITH f, row, EXISTS { (f)--() } AS used
  FOREACH (_ IN CASE WHEN row.before IS NULL AND NOT used THEN [1] ELSE [] END | DELETE f)
  FOREACH (_ IN CASE WHEN row.before IS NULL THEN [] ELSE [1] END | SET f = row.before)
  RETURN count(*) AS files
}
RETURN facts, files
