// Full-text search over names, acronyms and descriptions of every kind, best first.
// Parameters: $query (a Lucene query built and escaped by service/domain/search.py), $limit
// Returns: one row per hit: id, props, score
CALL db.index.fulltext.queryNodes('map_text', $query) YIELD node, score
RETURN node.id AS id, properties(node) AS props, score
ORDER BY score DESC, node.id
LIMIT $limit
