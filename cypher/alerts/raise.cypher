// Raises the alerts given that were never raised (an alert's key names what it is about,
// so one already raised, acknowledged or not, is left as it is).
// Parameters: $alerts (list of {key, kind, subjects, title, facts, link, themes, places,
//             organizations})
// Returns: one row: raised (how many were new)
UNWIND $alerts AS alert
MERGE (a:Alert {key: alert.key})
ON CREATE SET a += alert, a.raised_at = datetime(), a.new = true
WITH a, coalesce(a.new, false) AS new
REMOVE a.new
RETURN count(CASE WHEN new THEN 1 END) AS raised
