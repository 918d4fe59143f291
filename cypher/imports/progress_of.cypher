// How far the import a key started under a ticket has got: a run is found only by the
// ticket its starter chose and the key that started it, so nobody else learns of it.
// Parameters: $ticket, $actor
// Returns: at most one row: written, to_write (null before writing starts), done (its
//          writes are final), undoing (being taken back), cancel (a cancel was asked)
MATCH (r:ImportRun {ticket: $ticket})
WHERE r.actor = $actor
RETURN r.written AS written, r.to_write AS to_write, coalesce(r.done, false) AS done,
       coalesce(r.undoing, false) AS undoing, coalesce(r.cancel_asked, false) AS cancel
