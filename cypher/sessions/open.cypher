// Opens a session for the unrevoked key whose token hashes to $key_hash, and deletes the
// sessions that ended or expired more than a day ago (nothing else ever deletes them).
// Parameters: $key_hash, $hash (the hash of the new session's token), $hours (how long
// it lasts)
// Returns: at most one row (none for a key that is unknown or revoked): name, role,
// organization, expires (ISO datetime string)
MATCH (k:ApiKey {hash: $key_hash})
WHERE k.revoked IS NULL
CREATE (s:EditorSession {hash: $hash, created: datetime(),
                         expires: datetime() + duration({hours: $hours})})-[:OPENED_WITH]->(k)
WITH k, s
CALL (s) {
  MATCH (old:EditorSession)
  WHERE old <> s AND coalesce(old.ended, old.expires) < datetime() - duration({days: 1})
  DETACH DELETE old
}
RETURN k.name AS name, k.role AS role, k.organization AS organization,
       toString(s.expires) AS expires
