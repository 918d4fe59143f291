// The current state of the records an import names, as its check compares against them:
// properties and outgoing relationships. Not locked: read before the import holds them
// (a file that fails its check holds nothing); once it does, it compares their versions
// again (service/interchange/apply.py), and each batch checks them once more.
// Parameters: $ids (sorted)
// Returns: one row per id on the map: id, props, links (list of {type, to, props})
UNWIND $ids AS id
MATCH (n:MapNode {id: id})
OPTIONAL MATCH (n)-[r]->(m:MapNode)
RETURN n.id AS id, properties(n) AS props,
       collect(CASE WHEN r IS NULL THEN NULL ELSE {type: type(r), to: m.id, props: properties(r)} END) AS links
