// Whether an organization takes part in an initiative (leads, implements, funds, partners
// in or hosts it), retired or not: what a key scoped to that organization may edit.
// Parameters: $organization, $initiative
// Returns: one row if it does: initiative
MATCH (:Organization {id: $organization})-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(i)
WHERE i.id = $initiative
RETURN i.id AS initiative
LIMIT 1
