// Claims the webhooks due a delivery for this process for $leaseSeconds: not claimed by a
// live lease, not waiting for a retry, and whose key is not revoked. Two processes never
// hold one webhook at once, so each change is sent once.
// Parameters: $by (this process), $leaseSeconds
// Returns: one row per webhook claimed: id, url, secret, kind, record, action, since
//          (datetime), cursor, attempts, owner, role, organization
// Each webhook's write lock is taken before its lease is read (the way Neo4j's manual
// prevents lost updates): two processes claiming at once then read each other's lease in
// turn. Read before the lock, both would see it free and both would send. The check
// reads the property the lock wrote, so it runs after the lock is held.
MATCH (w:Webhook)
SET w.claiming = $by
WITH w, w.claiming = $by
        AND (w.lease_until IS NULL OR w.lease_until < datetime())
        AND (w.retry_at IS NULL OR w.retry_at <= datetime())
        AND EXISTS { MATCH (k:ApiKey {name: w.owner}) WHERE k.revoked IS NULL } AS due
REMOVE w.claiming
WITH w WHERE due
SET w.lease_until = datetime() + duration({seconds: $leaseSeconds}), w.lease_by = $by
RETURN w.id AS id, w.url AS url, w.secret AS secret, w.kind AS kind, w.record AS record,
       w.action AS action, w.since AS since, w.cursor AS cursor, w.attempts AS attempts,
       w.owner AS owner, w.role AS role, w.organization AS organization
