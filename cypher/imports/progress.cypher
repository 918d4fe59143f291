// Notes how far an import run's writing has got, in the transaction of the batch it is
// about to write (after its heartbeat, under the run's lock), and whether whoever started
// it asked to cancel it: the caller then stops, and the run's batches are taken back.
// Parameters: $run, $token, $done (records and relationships written so far), $total
// Returns: one row if the run is still the caller's: cancel (whether a cancel was asked)
MATCH (r:ImportRun {id: $run})
WHERE r.token = $token
SET r.written = $done, r.to_write = $total
RETURN coalesce(r.cancel_asked, false) AS cancel
