// SDG targets in the framework's order, optionally of one goal.
// Parameters: $goal (int or null)
// Returns: one row per target: id, props
MATCH (t:SdgTarget)
WHERE $goal IS NULL OR t.goal = $goal
RETURN t.id AS id, properties(t) AS props
ORDER BY t.goal, t.position
