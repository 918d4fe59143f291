// Every initiative's id, for a rescore of the whole map.
// Parameters: none
// Returns: one row per initiative: id
MATCH (i:Initiative)
RETURN i.id AS id
ORDER BY id
