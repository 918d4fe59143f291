// Notes that these nodes changed, so their initiatives' overlaps are scored again before
// the next read (service/domain/overlap_store.py). Runs in the transaction of the change:
// if it is rolled back, so is the note.
// Parameters: $ids (ids of changed nodes, of any kind)
// Returns: nothing
WITH $ids AS ids WHERE size(ids) > 0
CREATE (:OverlapsPending {targets: ids, at: datetime()})
