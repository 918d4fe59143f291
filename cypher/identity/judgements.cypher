// The merge judgements on the map, each with the two organization records it judges (on
// the map or retired), oldest decision first.
// Parameters: none
// Returns: one row per judgement: id, verdict, decided_by, decided_on, organizations (two ids)
MATCH (j:MapNode:MergeJudgement)-[:JUDGES]->(o)
WITH j, collect(o.id) AS judged
WHERE size(judged) = 2
RETURN j.id AS id, j.verdict AS verdict, j.decided_by AS decided_by,
       toString(j.decided_on) AS decided_on, judged AS organizations
ORDER BY decided_on, id
