// Undoes a merge (edits/merge_organizations): the duplicate goes back on the map, as it was
// before, with the relationships the merge moved; those the survivor did not have before
// are taken off it; seats go back to the duplicate; the aliases the merge gave the
// survivor are taken off it. Both versions go up by one.
// Parameters: $survivor, $duplicate, $label ('Organization'), $moved (as the merge
//             returned them), $between (idem), $reseated (idem), $aliases (the survivor's
//             aliases once the merge's are taken off)
// Returns: one row if the duplicate was merged into the survivor: survivor (its
//          properties), duplicate (its properties)
MATCH (gone:Retired {id: $duplicate})-[m:MERGED_INTO]->(kept:MapNode:Organization {id: $survivor})
DELETE m
REMOVE gone:Retired, gone.retired, gone.merged_into
SET gone:MapNode, gone:$($label), gone.version = gone.version + 1,
    kept.version = kept.version + 1, kept.aliases = $aliases
WITH gone, kept
CALL (gone, kept) {
  UNWIND $moved AS r
  MATCH (other {id: r.other})
  WHERE other:MapNode OR other:Retired
  CALL (gone, kept, r, other) {
    WITH gone, r, other WHERE r.way = 'out'
    MERGE (gone)-[n:$(r.type) {key: r.props.key}]->(other)
    SET n = r.props
  }
  CALL (gone, kept, r, other) {
    WITH gone, r, other WHERE r.way = 'in'
    MERGE (other)-[n:$(r.type) {key: r.props.key}]->(gone)
    SET n = r.props
  }
  CALL (kept, r, other) {
    WITH kept, r, other WHERE NOT r.existed
    OPTIONAL MATCH (kept)-[n {key: r.key}]-(other)
    WHERE type(n) = r.type
    DELETE n
  }
  RETURN count(*) AS restored
}
CALL (gone, kept) {
  UNWIND $between AS r
  MATCH (a {id: r.from}), (b {id: r.to})
  WHERE a IN [gone, kept] AND b IN [gone, kept]
  MERGE (a)-[n:$(r.type) {key: r.props.key}]->(b)
  SET n = r.props
  RETURN count(*) AS rejoined
}
CALL (gone, kept) {
  UNWIND $reseated AS s
  MATCH (:Person {id: s.person})-[seat]->({id: s.to})
  WHERE type(seat) = s.type AND seat.key = s.key AND seat.organization = kept.id
  SET seat.organization = gone.id
  RETURN count(*) AS seats
}
RETURN properties(kept) AS survivor, properties(gone) AS duplicate
