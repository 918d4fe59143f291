// Regions, optionally of one scheme (World, UN M49 region, UN M49 sub-region, ILO region,
// OSCE area),
// by scheme then name.
// Parameters: $scheme (or null)
// Returns: one row per region: id, props
MATCH (r:Region)
WHERE $scheme IS NULL OR r.scheme = $scheme
RETURN r.id AS id, properties(r) AS props
ORDER BY r.scheme, r.name
