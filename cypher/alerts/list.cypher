// Alerts, newest first: unacknowledged ones only unless $acknowledgedToo; optionally of
// one $kind, or about one record ($about: a subject, or one of the organizations, themes
// or places it concerns).
// Parameters: $acknowledgedToo (bool), $kind (text or null), $about (id or null), $limit
// Returns: one row per alert: key, kind, subjects, title, facts, link, themes, places,
//          organizations, raisedAt, acknowledgedAt, acknowledgedBy
MATCH (a:Alert)
WHERE ($acknowledgedToo OR a.acknowledged_at IS NULL)
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($about IS NULL OR $about IN a.subjects OR $about IN a.organizations
       OR $about IN a.themes OR $about IN a.places)
RETURN a.key AS key, a.kind AS kind, a.subjects AS subjects, a.title AS title,
       a.facts AS facts, a.link AS link, a.themes AS themes, a.places AS places,
       a.organizations AS organizations, toString(a.raised_at) AS raisedAt,
       toString(a.acknowledged_at) AS acknowledgedAt, a.acknowledged_by AS acknowledgedBy
ORDER BY a.raised_at DESC, a.key
LIMIT $limit
