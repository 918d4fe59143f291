// Takes the write lock of the nodes with the given ids (on the map or retired) and then
// reads them, so what is read is what the change will write over: a concurrent writer
// holding the lock is waited for, and its committed change is what this sees. Ids are
// locked in order, so two changes that lock the same nodes never wait on each other.
// (Setting and removing a property is Neo4j's documented way to take a node's write lock.)
// Parameters: $ids (sorted)
// Returns: one row per node found, in the order of $ids: id, props
UNWIND $ids AS id
CALL (id) {
  MATCH (n:MapNode {id: id}) RETURN n
  UNION
  MATCH (n:Retired {id: id}) RETURN n
}
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id, properties(n) AS props
