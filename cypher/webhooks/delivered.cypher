// Logs one attempt to deliver a change to a webhook held by $by; on success the webhook's
// cursor moves past the change and its failures are forgotten, on failure it waits
// $retrySeconds before the next attempt. The lease is renewed for $leaseSeconds (so a
// round of slow receivers keeps it), or let go when $release.
// Parameters: $webhook, $by, $event (audit event id), $attempt, $status (HTTP status or
//             null), $error (text or null), $ok (bool), $cursor (after the event, on
//             success), $retrySeconds, $leaseSeconds, $release (bool)
// Returns: one row: logged (bool: false if the lease was lost meanwhile)
MATCH (w:Webhook {id: $webhook})
WHERE w.lease_by = $by
CREATE (:WebhookDelivery {webhook: $webhook, event: $event, attempt: $attempt,
                          status: $status, error: $error, at: datetime()})
SET w.cursor = CASE WHEN $ok THEN $cursor ELSE w.cursor END,
    w.attempts = CASE WHEN $ok THEN 0 ELSE w.attempts + 1 END,
    w.retry_at = CASE WHEN $ok THEN null
                      ELSE datetime() + duration({seconds: $retrySeconds}) END,
    w.lease_until = CASE WHEN $release THEN null
                         ELSE datetime() + duration({seconds: $leaseSeconds}) END
RETURN true AS logged
