// Holds records for an import run: one ImportHold per id. The unique constraint on the hold's
// id refuses (and so rolls back) a batch that names a record another run holds.
// Parameters: $run, $ids
// Returns: one row: held (count)
UNWIND $ids AS id
CREATE (h:ImportHold {id: id, run: $run})
RETURN count(h) AS held
