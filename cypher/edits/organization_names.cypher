// Every organization's name, acronym and IATI identifier, to look for a likely duplicate of
// a new one, and to find the organizations a file names.
// Parameters: none
// Returns: one row per organization: id, name, acronym, iati_ref
MATCH (o:Organization)
RETURN o.id AS id, o.name AS name, o.acronym AS acronym, o.iati_ref AS iati_ref
