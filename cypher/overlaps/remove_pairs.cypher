// Removes a generation's stored pairs that involve any of the given initiatives.
// Parameters: $generation (text), $ids (initiative ids)
// Returns: one row: removed (count)
CALL (){
  UNWIND $ids AS id
  MATCH (p:OverlapPair {a: id}) WHERE p.generation = $generation RETURN p
  UNION
  UNWIND $ids AS id
  MATCH (p:OverlapPair {b: id}) WHERE p.generation = $generation RETURN p
}
DELETE p
RETURN count(p) AS removed
