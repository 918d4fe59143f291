// The names of organization records merged into others (retired, MERGED_INTO the one kept,
// as often as it was merged on), each with the id of the record on the map that now holds
// it, so a later import that names a merged record finds the one kept.
// Parameters: none
// Returns: one row per merged record: id (the record kept), name, acronym, aliases, iati_ref
MATCH (gone:Retired)-[:MERGED_INTO*1..10]->(kept:MapNode:Organization)
RETURN kept.id AS id, gone.name AS name, gone.acronym AS acronym,
       coalesce(gone.aliases, []) AS aliases, gone.iati_ref AS iati_ref
ORDER BY gone.id
