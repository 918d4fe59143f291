// Which of the given ids belong to retired nodes: the seed leaves those, and their
// relationships, as an editor left them rather than bringing them back.
// Parameters: $ids
// Returns: one row per retired node: id
UNWIND $ids AS id
MATCH (n:Retired {id: id})
RETURN n.id AS id
