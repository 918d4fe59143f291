// Marks the map as changed: a new random revision, written in the same transaction as the
// change (Database.write and Database.transaction run it before they commit whatever
// changed anything), so answers kept for the old revision are never given again, in any
// process. Random rather than counted: a wiped and refilled map never repeats one.
// Parameters: none
// Returns: nothing
MERGE (r:MapRevision {id: 'map'})
SET r.revision = randomUUID()
