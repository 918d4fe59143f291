// Every organization's name, acronym, aliases (as written: 'fr: OIM') and IATI
// identifier, to look for a likely duplicate of a new one, and to find the organizations a
// file names.
// Parameters: none
// Returns: one row per organization: id, name, acronym, aliases, iati_ref
MATCH (o:Organization)
RETURN o.id AS id, o.name AS name, o.acronym AS acronym, coalesce(o.aliases, []) AS aliases,
       o.iati_ref AS iati_ref
