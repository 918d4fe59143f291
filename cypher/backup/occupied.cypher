// Whether the database holds anything a restore could collide with: any node but the
// schema's own records and the map's revision.
// Parameters: none
// Returns: one row: nodes (count, at most 1)
OPTIONAL MATCH (n)
WHERE NOT n:SchemaMigration AND NOT n:MapRevision
WITH n LIMIT 1
RETURN count(n) AS nodes
