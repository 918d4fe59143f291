// Whether an organization holds a role (any of $roles) in either initiative of a pair.
// Parameters: $organization (id), $initiatives (list of ids), $roles (relationship types)
// Returns: one row: involved (bool)
RETURN EXISTS {
  MATCH (:Organization {id: $organization})-[r]->(i:Initiative)
  WHERE i.id IN $initiatives AND type(r) IN $roles
} AS involved
