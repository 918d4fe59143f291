// The unrevoked key whose token hashes to $hash.
// Parameters: $hash
// Returns: at most one row: name, role, organization
MATCH (k:ApiKey {hash: $hash})
WHERE k.revoked IS NULL
RETURN k.name AS name, k.role AS role, k.organization AS organization
