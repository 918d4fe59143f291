// One page of the records to export, of the given kinds (and, with $ids, only those ids),
// each with its outgoing relationships to map nodes and the kind and name of the node at
// the end. Pages follow the id index, so a map of any size is read a page per transaction
// within the database's transaction memory.
// Parameters: $kinds (list of id kinds, such as organization), $ids (list of ids, or null
//             for all), $after (the last id of the page before, or '' for the first),
//             $limit (records a page)
// Returns: one row per record, by id: id, props, links (list of {type, to, toName, props})
MATCH (n:MapNode)
WHERE n.id > $after AND split(n.id, ':')[0] IN $kinds AND ($ids IS NULL OR n.id IN $ids)
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (n)-[r]->(m:MapNode)
WITH n, r, m ORDER BY r.key, m.id
RETURN n.id AS id, properties(n) AS props,
       collect(CASE WHEN r IS NULL THEN NULL ELSE
         {type: type(r), to: m.id, toName: m.name, props: properties(r)} END) AS links
ORDER BY id
