// The webhooks of an owner (every one, with $owner null), with their last deliveries.
// Parameters: $owner (key name or null), $last (how many deliveries per webhook)
// Returns: one row per webhook: id, url, kind, record, action, owner, created, attempts,
//          retryAt, deliveries (list of {event, attempt, status, error, at}, newest first)
MATCH (w:Webhook)
WHERE $owner IS NULL OR w.owner = $owner
CALL (w) {
  OPTIONAL MATCH (d:WebhookDelivery {webhook: w.id})
  WITH d ORDER BY d.at DESC LIMIT $last
  RETURN collect(CASE WHEN d IS NULL THEN NULL ELSE {event: d.event, attempt: d.attempt,
    status: d.status, error: d.error, at: toString(d.at)} END) AS deliveries
}
RETURN w.id AS id, w.url AS url, w.kind AS kind, w.record AS record, w.action AS action,
       w.owner AS owner, toString(w.created) AS created, w.attempts AS attempts,
       toString(w.retry_at) AS retryAt, deliveries
ORDER BY w.created
