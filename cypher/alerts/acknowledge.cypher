// Acknowledges an alert, once (who did and when are kept); a key scoped to an organization
// acknowledges only the alerts that concern it.
// Parameters: $key, $by (the key's name), $organization (the key's scope, or null)
// Returns: one row if the alert exists and the key may acknowledge it: already (bool)
MATCH (a:Alert {key: $key})
WHERE $organization IS NULL OR $organization IN a.organizations
WITH a, a.acknowledged_at IS NOT NULL AS already
SET a.acknowledged_at = coalesce(a.acknowledged_at, datetime()),
    a.acknowledged_by = coalesce(a.acknowledged_by, $by)
RETURN already
