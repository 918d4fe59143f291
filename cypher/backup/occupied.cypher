// Whether the database holds anything a restore could collide with: any node but the
// schema's own records.
// Parameters: none
// Returns: one row: nodes (count, at most 1)
OPTIONAL MATCH (n)
WHERE NOT n:SchemaMigration
WITH n LIMIT 1
RETURN count(n) AS nodes
