// Every API key, by name, without its hash.
// Parameters: none
// Returns: one row per key: name, role, organization, created, revoked (ISO strings or null)
MATCH (k:ApiKey)
RETURN k.name AS name, k.role AS role, k.organization AS organization,
       toString(k.created) AS created, toString(k.revoked) AS revoked
ORDER BY k.name
