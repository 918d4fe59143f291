// The schema migrations already applied to this database.
// Parameters: none
// Returns: one row per applied migration: version (int)
MATCH (m:SchemaMigration)
RETURN m.version AS version
ORDER BY version
