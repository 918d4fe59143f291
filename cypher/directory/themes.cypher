// Every theme, by name.
// Parameters: none
// Returns: one row per theme: id, props
MATCH (t:Theme)
RETURN t.id AS id, properties(t) AS props
ORDER BY toLower(t.name)
