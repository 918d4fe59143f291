// Puts a record back as the audit trail says it was before a change, inside a transaction
// that is never committed (service/editing/as_of.py): absent (it was created by the
// change), or with the given properties, on the map or retired, and with the given own
// relationships in place of those of its own types. Targets of those relationships that
// are not there (removed later, and not put back yet) are skipped.
// Parameters: $id, $label (its kind's label), $present (bool), $props (map, with id and
//             sort key; the version it has now is kept), $retired (bool), $types (its
//             own relationship types), $links (list of {type, to, props})
// Returns: one row: done (bool)
OPTIONAL MATCH (old:MapNode {id: $id})
OPTIONAL MATCH (gone:Retired {id: $id})
WITH coalesce(old, gone) AS found
CALL (found) {
  WITH found WHERE found IS NOT NULL AND NOT $present
  DETACH DELETE found
}
CALL (found) {
  WITH found WHERE $present
  CALL (found) {
    WITH found WHERE found IS NULL
    CREATE (made {id: $id})
    RETURN made AS n
  UNION
    WITH found WHERE found IS NOT NULL
    RETURN found AS n
  }
  WITH n, coalesce(n.version, 1) AS version
  SET n = $props
  SET n.version = version
  WITH n
  CALL (n) {
    WITH n WHERE $retired
    REMOVE n:MapNode
    REMOVE n:$($label)
    SET n:Retired
  }
  CALL (n) {
    WITH n WHERE NOT $retired
    REMOVE n:Retired
    SET n:MapNode:$($label)
  }
  CALL (n) {
    OPTIONAL MATCH (n)-[r]->()
    WHERE type(r) IN $types
    DELETE r
  }
  CALL (n) {
    UNWIND $links AS link
    OPTIONAL MATCH (m:MapNode {id: link.to})
    OPTIONAL MATCH (m2:Retired {id: link.to})
    WITH n, link, coalesce(m, m2) AS target
    WHERE target IS NOT NULL
    CREATE (n)-[r:$(link.type)]->(target)
    SET r = link.props
  }
}
RETURN true AS done
