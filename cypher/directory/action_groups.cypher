// The Alliance's action groups and other bodies, optionally of one kind, by name.
// Parameters: $kind (or null for all)
// Returns: one row per group: id, props
MATCH (g:ActionGroup)
WHERE $kind IS NULL OR g.kind = $kind
RETURN g.id AS id, properties(g) AS props
ORDER BY toLower(g.name), g.id
