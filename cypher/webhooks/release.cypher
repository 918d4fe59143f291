// Lets go of the webhooks this process holds, once it has sent what was due.
// Parameters: $ids, $by
// Returns: one row: released (count)
UNWIND $ids AS id
MATCH (w:Webhook {id: id})
WHERE w.lease_by = $by
SET w.lease_until = null
RETURN count(w) AS released
