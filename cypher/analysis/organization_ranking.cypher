// The organizations most central in the stored ranking, by degree or betweenness, ties
// broken by the other measure and then by id.
// Parameters: $metric ('DEGREE' or 'BETWEENNESS'), $limit
// Returns: one row per organization, best first: id, degree, betweenness
MATCH (s:NetworkRanking {id: 'organizations'})
UNWIND range(0, size(s.ids) - 1) AS k
WITH s.ids[k] AS id, s.degrees[k] AS degree, s.betweenness[k] AS betweenness
WITH id, degree, betweenness,
     CASE $metric WHEN 'BETWEENNESS' THEN betweenness ELSE toFloat(degree) END AS first,
     CASE $metric WHEN 'BETWEENNESS' THEN toFloat(degree) ELSE betweenness END AS second
ORDER BY first DESC, second DESC, id
LIMIT $limit
RETURN id, degree, betweenness
