// The organizations most central in the stored ranking, by degree or betweenness, ties
// broken by the other measure and then by id.
// Parameters: $metric ('DEGREE' or 'BETWEENNESS'), $limit
// Returns: one row per organization, best first: id, degree, betweenness
// (The lists are read off the node once: indexing the node's property for each element
// would read the whole list again each time.)
MATCH (s:NetworkRanking {id: 'organizations'})
WITH s.ids AS ids, s.degrees AS degrees, s.betweenness AS scores
UNWIND range(0, size(ids) - 1) AS k
WITH ids[k] AS id, degrees[k] AS degree, scores[k] AS betweenness
WITH id, degree, betweenness,
     CASE $metric WHEN 'BETWEENNESS' THEN betweenness ELSE toFloat(degree) END AS first,
     CASE $metric WHEN 'BETWEENNESS' THEN toFloat(degree) ELSE betweenness END AS second
ORDER BY first DESC, second DESC, id
LIMIT $limit
RETURN id, degree, betweenness
