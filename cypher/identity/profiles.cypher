// Every organization on the map as the identity matcher sees it: its names, acronym,
// aliases, IATI identifier and the countries it works in (where it is based, and where
// the initiatives it takes part in operate), with its version and properties.
// Parameters: none
// Returns: one row per organization: id, name, acronym, aliases, iati_ref, countries, props
MATCH (o:MapNode:Organization)
CALL (o) {
  OPTIONAL MATCH (o)-[:BASED_IN]->(home:Country)
  OPTIONAL MATCH (o)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(:Initiative)-[:OPERATES_IN]->(there:Country)
  RETURN collect(DISTINCT home.iso3) + collect(DISTINCT there.iso3) AS countries
}
RETURN o.id AS id, o.name AS name, o.acronym AS acronym, coalesce(o.aliases, []) AS aliases,
       o.iati_ref AS iati_ref, countries, properties(o) AS props
ORDER BY id
