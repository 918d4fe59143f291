// Raises the alerts given that were never raised (an alert's key names what it is about,
// so one already raised, acknowledged or not, is left as it is), and records each new one
// in the audit trail as the map's own event: its action names its kind (alert-overlap...),
// its targets are what it concerns (records, organizations, themes, places), so the
// changes feed, its subscription, the Atom feed and webhooks carry it, filtered by any of
// them like any change.
// Parameters: $alerts (list of {alert: {key, kind, subjects, title, facts, link, themes,
//             places, organizations}, action, targets, after (the alert as JSON text)})
// Returns: one row: raised (how many were new)
UNWIND $alerts AS given
MERGE (a:Alert {key: given.alert.key})
ON CREATE SET a += given.alert, a.raised_at = datetime(), a.new = true
WITH a, given, coalesce(a.new, false) AS new
REMOVE a.new
WITH a, given, new
CALL (a, given, new) {
  WITH a, given WHERE new
  CREATE (:AuditEvent {id: randomUUID(), at: a.raised_at, actor: 'map', role: 'system',
                       scope: null, action: given.action, targets: given.targets,
                       summary: given.alert.title, before: null, after: given.after})
}
RETURN count(CASE WHEN new THEN 1 END) AS raised
