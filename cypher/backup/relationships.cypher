// Every relationship of the database, with its ends' element ids and its properties, for
// a backup.
// Parameters: none
// Returns: one row per relationship: start, end (element ids), type, props (map)
MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS props
