// The map's revision now (cypher/maintenance/revise.cypher): answers computed after this
// read, and kept under it, are true for as long as it stays the same. Null before the
// first write.
// Parameters: none
// Returns: one row: revision (text or null)
OPTIONAL MATCH (r:MapRevision {id: 'map'})
RETURN r.revision AS revision
