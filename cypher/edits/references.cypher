// Which of the given ids are on the map (not retired), with a source's sections, so an edit
// can check every id it names before anything is written.
// Parameters: $ids
// Returns: one row per id found: id, sections (list, or null for nodes that are not sources)
UNWIND $ids AS id
MATCH (n:MapNode {id: id})
RETURN n.id AS id, n.sections AS sections
