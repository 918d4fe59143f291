// Stores a new API key. Only the hash of its token is kept; the token itself is shown once.
// Parameters: $name, $role, $organization (an organization id or null), $hash
// Returns: one row: name, role, organization, created (ISO datetime string)
CREATE (k:ApiKey {name: $name, role: $role, organization: $organization, hash: $hash,
                  created: datetime()})
RETURN k.name AS name, k.role AS role, k.organization AS organization,
       toString(k.created) AS created
