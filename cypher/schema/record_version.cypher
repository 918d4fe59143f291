// Records that a schema migration has been applied.
// Parameters: $version (int), $name (file name)
// Returns: version
MERGE (m:SchemaMigration {version: $version})
ON CREATE SET m.name = $name, m.applied_at = datetime()
RETURN m.version AS version
