// The last undo step an import run kept that has not been undone yet.
// Parameters: $run
// Returns: at most one row: step, undo (JSON text)
MATCH (s:ImportStep {run: $run})
RETURN s.step AS step, s.undo AS undo
ORDER BY s.step DESC
LIMIT 1
