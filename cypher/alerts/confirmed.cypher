// Every initiative on the map with when it was last confirmed: the day it was verified
// against a source, and the last day an import saw it; with what it concerns (for an
// alert that it has gone stale).
// Parameters: $roles (the relationship types that put an organization in an initiative)
// Returns: one row per initiative: id, name, lastVerified, lastSeen (text or null),
//          sources, themes, places, organizations (ids)
MATCH (i:Initiative)
CALL (i) {
  OPTIONAL MATCH (i)-[s:SEEN_IN]->(:ImportFile)
  RETURN max(s.last_seen) AS seen
}
RETURN i.id AS id, i.name AS name, i.last_verified AS lastVerified,
       toString(seen) AS lastSeen,
       [(i)-[:CITED_IN]->(source) | source.id] AS sources,
       [(i)-[:ADDRESSES]->(t:Theme) | t.id] AS themes,
       [(i)-[:OPERATES_IN]->(p) | p.id] AS places,
       [(o:Organization)-[r]->(i) WHERE type(r) IN $roles | o.id] AS organizations
