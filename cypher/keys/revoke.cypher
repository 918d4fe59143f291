// Revokes a key by name; a revoked key stays listed but no longer opens anything.
// Parameters: $name
// Returns: one row if a key that was not yet revoked has this name: name
MATCH (k:ApiKey {name: $name})
WHERE k.revoked IS NULL
SET k.revoked = datetime()
RETURN k.name AS name
