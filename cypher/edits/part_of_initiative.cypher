// The initiative a record is part of, by the relationship type its kind declares
// (`PART_OF_INITIATIVE` in service/model/kinds.py: a period report's PERIOD_OF), retired
// or not: a partner's key keeps such a record if it may keep the initiative.
// Parameters: $id, $type
// Returns: at most one row: initiative
MATCH (n:MapNode {id: $id})-[r]->(i:Initiative)
WHERE type(r) = $type
RETURN i.id AS initiative
LIMIT 1
