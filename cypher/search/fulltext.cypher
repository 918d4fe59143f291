// Full-text search over names, acronyms, other names (aliases, in any language), cities and
// descriptions of every kind, accents folded, best first: the
// map's own records (organizations, initiatives, groups, events, themes, places, sources,
// people, commitments, indicators)
// before SDG goals and targets, whose long official wording shares words with almost any
// search ("trafficking" would otherwise lead with wildlife trafficking), then by score.
// Parameters: $query (a Lucene query built and escaped by service/domain/search.py), $limit
// Returns: one row per hit: id, props, score
CALL db.index.fulltext.queryNodes('map_find', $query) YIELD node, score
WITH node, score, CASE WHEN node:SdgTarget OR node:Sdg THEN 1 ELSE 0 END AS framework
RETURN node.id AS id, properties(node) AS props, score
ORDER BY framework, score DESC, node.id
LIMIT $limit
