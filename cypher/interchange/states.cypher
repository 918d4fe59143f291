// The current state of the records an import names, as its check compares against them:
// properties and outgoing relationships. Not locked: the import holds these records from
// before this read (service/editing/holds.py) and each batch checks their versions again.
// Parameters: $ids (sorted)
// Returns: one row per id on the map: id, props, links (list of {type, to, props})
UNWIND $ids AS id
MATCH (n:MapNode {id: id})
OPTIONAL MATCH (n)-[r]->(m:MapNode)
RETURN n.id AS id, properties(n) AS props,
       collect(CASE WHEN r IS NULL THEN NULL ELSE {type: type(r), to: m.id, props: properties(r)} END) AS links
