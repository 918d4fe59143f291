// What the stored organization ranking was computed from, and what the network is now: a
// fingerprint of the organization-initiative-action group network (its ties counted by
// type from Neo4j's count store, its organizations and initiatives, and the newest audit
// event of an edit or import, which every one writes), so the ranking is computed again
// only when the network has changed.
// Parameters: none
// Returns: one row: current (text), stored (text or null), computedAt, sample, edges
CALL () {
  MATCH ()-[r:LEADS]->() RETURN count(r) AS c UNION ALL
  MATCH ()-[r:IMPLEMENTS]->() RETURN count(r) AS c UNION ALL
  MATCH ()-[r:FUNDS]->() RETURN count(r) AS c UNION ALL
  MATCH ()-[r:PARTNERS_IN]->() RETURN count(r) AS c UNION ALL
  MATCH ()-[r:HOSTS]->() RETURN count(r) AS c UNION ALL
  MATCH ()-[r:REQUESTED]->() RETURN count(r) AS c UNION ALL
  MATCH ()-[r:PROPOSED]->() RETURN count(r) AS c UNION ALL
  MATCH ()-[r:CHAIRS]->() RETURN count(r) AS c UNION ALL
  MATCH ()-[r:MEMBER_OF]->() RETURN count(r) AS c UNION ALL
  MATCH ()-[r:SUPPORTS]->() RETURN count(r) AS c UNION ALL
  MATCH ()-[r:COORDINATES]->() RETURN count(r) AS c
}
WITH collect(c) AS ties
CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
CALL () { MATCH (i:Initiative) RETURN count(i) AS initiatives }
// The map's own events (alerts it raises) change no tie, so they leave the ranking as it is.
CALL () { MATCH (e:AuditEvent) WHERE e.role <> 'system' RETURN max(e.at) AS latest }
OPTIONAL MATCH (s:NetworkRanking {id: 'organizations'})
RETURN reduce(t = '', c IN ties | t + toString(c) + '.') + toString(organizations) + '.'
         + toString(initiatives) + '.' + coalesce(toString(latest), '-') AS current,
       s.fingerprint AS stored, s.computed_at AS computedAt, s.sample AS sample,
       reduce(n = 0, c IN ties | n + c) AS edges
