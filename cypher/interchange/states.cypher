// The current state of the records an import names, each locked for the import's
// transaction first (in id order), so a version compared against it holds until the
// import commits: properties and outgoing relationships.
// Parameters: $ids (sorted)
// Returns: one row per id on the map: id, props, links (list of {type, to, props})
UNWIND $ids AS id
MATCH (n:MapNode {id: id})
SET n._lock = true
REMOVE n._lock
WITH n
OPTIONAL MATCH (n)-[r]->(m:MapNode)
RETURN n.id AS id, properties(n) AS props,
       collect(CASE WHEN r IS NULL THEN NULL ELSE {type: type(r), to: m.id, props: properties(r)} END) AS links
