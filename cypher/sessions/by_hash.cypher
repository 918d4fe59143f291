// The signed-in editor behind a session token's hash: the session must not have ended or
// expired, and its key must not have been revoked since.
// Parameters: $hash
// Returns: at most one row: name, role, organization, expires (ISO datetime string)
MATCH (s:EditorSession {hash: $hash})-[:OPENED_WITH]->(k:ApiKey)
WHERE s.ended IS NULL AND s.expires > datetime() AND k.revoked IS NULL
RETURN k.name AS name, k.role AS role, k.organization AS organization,
       toString(s.expires) AS expires
