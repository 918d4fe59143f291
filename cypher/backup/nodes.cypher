// Every node of the database but the schema's own records (SchemaMigration: a restore
// applies the migrations itself) and the map's revision (the restore makes a new one), with its labels and properties, for a backup.
// Parameters: none
// Returns: one row per node: element (its element id, valid in this database only),
// labels (list), props (map of its properties, values as stored)
MATCH (n)
WHERE NOT n:SchemaMigration AND NOT n:MapRevision
RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS props
