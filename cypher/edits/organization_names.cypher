// Every organization's name and acronym, to look for a likely duplicate of a new one.
// Parameters: none
// Returns: one row per organization: id, name, acronym
MATCH (o:Organization)
RETURN o.id AS id, o.name AS name, o.acronym AS acronym
