// Asks the import a key started under a ticket to stop: its owner reads the request at its
// next batch, stops, and takes back what it wrote. A run whose writes are final is past
// cancelling. Only the key that started it may ask.
// Parameters: $ticket, $actor
// Returns: at most one row: done (whether it was already final, so the ask came too late)
MATCH (r:ImportRun {ticket: $ticket})
WHERE r.actor = $actor
SET r.cancel_asked = CASE WHEN coalesce(r.done, false) THEN r.cancel_asked ELSE true END
RETURN coalesce(r.done, false) AS done
