// What a filtered export holds besides the initiatives the filter picked: the organizations
// and action groups tied to them, and the sources and themes any of these cite or name.
// Parameters: $ids (the picked initiatives' ids)
// Returns: one row: ids (every id in scope, the picked ones included)
UNWIND $ids AS id
MATCH (i:Initiative {id: id})
OPTIONAL MATCH (i)<-[]-(o)
  WHERE o:Organization OR o:ActionGroup
WITH collect(DISTINCT i) + collect(DISTINCT o) AS core
UNWIND core AS n
OPTIONAL MATCH (n)-[:CITED_IN|ADDRESSES|FOCUSES_ON]->(x)
  WHERE x:Source OR x:Theme
OPTIONAL MATCH (n)-[r]-()
  WHERE r.source IS NOT NULL
RETURN collect(DISTINCT n.id) + collect(DISTINCT x.id) + collect(DISTINCT r.source) AS ids
