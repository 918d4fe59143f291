// Stored overlaps of the current generation, best first: pairs scoring at least
// $minScore, unrelated pairs only with $includeUnrelated, related ones left out with
// $leaveOutRelated. With $asOf, work that had ended by that day (its known end is before
// it, or it is completed with no end date) is left out. Optional filters keep pairs where
// both address $theme, or where at least one works in $country or a region around it
// (short of the whole world).
// Parameters: $generation (text), $minScore (float), $includeUnrelated (bool),
//             $leaveOutRelated (bool), $asOf (date or null), $theme (theme id or null),
//             $country (country id or null), $limit (integer)
// Returns: one row per pair: a, aProps, b, bProps, score, verdict
MATCH (p:OverlapPair {generation: $generation})
WHERE p.score >= $minScore
  AND ($includeUnrelated OR p.verdict <> 'UNRELATED')
  AND (NOT $leaveOutRelated OR p.verdict <> 'RELATED')
MATCH (a:Initiative {id: p.a})
MATCH (b:Initiative {id: p.b})
WHERE ($asOf IS NULL
       OR all(x IN [a, b] WHERE NOT (coalesce(x.end_on < $asOf, false)
                                     OR (x.status = 'completed' AND x.end_on IS NULL))))
  AND ($theme IS NULL OR (EXISTS { (a)-[:ADDRESSES]->(:Theme {id: $theme}) }
                          AND EXISTS { (b)-[:ADDRESSES]->(:Theme {id: $theme}) }))
  AND ($country IS NULL
       OR EXISTS { (a)-[:OPERATES_IN]->(x) WHERE x.id = $country OR (x.id <> 'region:world'
                   AND EXISTS { (:Country {id: $country})-[:IN_REGION*1..2]->(x) }) }
       OR EXISTS { (b)-[:OPERATES_IN]->(x) WHERE x.id = $country OR (x.id <> 'region:world'
                   AND EXISTS { (:Country {id: $country})-[:IN_REGION*1..2]->(x) }) })
RETURN a.id AS a, properties(a) AS aProps, b.id AS b, properties(b) AS bProps,
       p.score AS score, p.verdict AS verdict
ORDER BY score DESC, a, b
LIMIT $limit
