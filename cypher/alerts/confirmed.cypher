// Every initiative and organization on the map with when it was last confirmed: the day
// it was verified against a source, and the last day an import saw it; with what it
// concerns (for an alert that its facts have gone stale): an initiative's themes, places
// and organizations; an organization's own id, the places it is based in and the themes
// of the work it takes part in.
// Parameters: $roles (the relationship types that put an organization in an initiative)
// Returns: one row per record: id, kind, name, lastVerified, lastSeen (text or null),
//          sources, themes, places, organizations (ids)
MATCH (n:Initiative|Organization)
CALL (n) {
  OPTIONAL MATCH (n)-[s:SEEN_IN]->(:ImportFile)
  RETURN max(s.last_seen) AS seen
}
WITH n, seen, n:Organization AS isOrganization
RETURN n.id AS id, n.name AS name, n.last_verified AS lastVerified,
       toString(seen) AS lastSeen,
       [(n)-[:CITED_IN]->(source) | source.id] AS sources,
       CASE WHEN isOrganization
         THEN COLLECT { MATCH (n)-[r]->(:Initiative)-[:ADDRESSES]->(t:Theme)
                        WHERE type(r) IN $roles RETURN DISTINCT t.id }
         ELSE [(n)-[:ADDRESSES]->(t:Theme) | t.id] END AS themes,
       CASE WHEN isOrganization
         THEN [(n)-[:BASED_IN]->(p) | p.id]
         ELSE [(n)-[:OPERATES_IN]->(p) | p.id] END AS places,
       CASE WHEN isOrganization
         THEN [n.id]
         ELSE [(o:Organization)-[r]->(n) WHERE type(r) IN $roles | o.id] END AS organizations
