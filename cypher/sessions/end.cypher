// Ends a session (signing out): its token opens nothing from now on.
// Parameters: $hash
// Returns: one row if a session that had not ended has this hash: ended (ISO string)
MATCH (s:EditorSession {hash: $hash})
WHERE s.ended IS NULL
SET s.ended = datetime()
RETURN toString(s.ended) AS ended
