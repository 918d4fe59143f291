// Coverage of each place and theme: how many initiatives address the theme in the place
// itself, in a wider region around it (not the world), and worldwide; how many distinct
// organizations take part in the local ones; and the latest published need estimate for
// the place's ILO region (null where none is published). Places are the ILO regions
// ($level = 'REGION') or the countries ($level = 'COUNTRY').
// Parameters: $level ('REGION' or 'COUNTRY'), $theme (theme id or null for every theme)
// Returns: one row per place and theme: place {id, props}, theme {id, props}, local,
//          regional, worldwide, organizations (ints), need (props or null),
//          needSource (title or null), needMax (highest value of that figure, or null)
MATCH (t:Theme)
WHERE $theme IS NULL OR t.id = $theme
CALL (t) {
  OPTIONAL MATCH (:Region {id: 'region:world'})<-[:OPERATES_IN]-(i:Initiative)-[:ADDRESSES]->(t)
  RETURN count(DISTINCT i) AS worldwide
}
MATCH (place:MapNode)
WHERE ($level = 'REGION' AND place:Region AND place.scheme = 'ILO region')
   OR ($level = 'COUNTRY' AND place:Country)
OPTIONAL MATCH (place)-[:IN_REGION]->(ilo:Region {scheme: 'ILO region'})
WITH place, t, worldwide, coalesce(ilo, place) AS needRegion
CALL (place, t) {
  OPTIONAL MATCH (i:Initiative)-[:ADDRESSES]->(t)
  WHERE EXISTS { (i)-[:OPERATES_IN]->(place) }
     OR EXISTS { (i)-[:OPERATES_IN]->(:Country)-[:IN_REGION]->(place) }
  RETURN collect(DISTINCT i) AS here
}
CALL (place, t) {
  OPTIONAL MATCH (place)-[:IN_REGION*1..2]->(around:Region)<-[:OPERATES_IN]-(i:Initiative)-[:ADDRESSES]->(t)
  WHERE around.id <> 'region:world'
  RETURN count(DISTINCT i) AS regional
}
CALL (here) {
  UNWIND (CASE WHEN size(here) = 0 THEN [null] ELSE here END) AS i
  OPTIONAL MATCH (o:Organization)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(i)
  RETURN count(DISTINCT o) AS organizations
}
CALL (needRegion, t) {
  OPTIONAL MATCH (n:NeedEstimate)-[:FOR_REGION]->(needRegion)
  WHERE EXISTS { (n)-[:FOR_THEME]->(t) }
  WITH n ORDER BY n.data_year DESC
  LIMIT 1
  OPTIONAL MATCH (n)-[:CITED_IN]->(s:Source)
  OPTIONAL MATCH (peer:NeedEstimate)-[:FOR_THEME]->(t)
  WHERE peer.measure = n.measure AND peer.data_year = n.data_year
  RETURN properties(n) AS need, s.name AS needSource, max(peer.value) AS needMax
}
RETURN {id: place.id, props: properties(place)} AS place, {id: t.id, props: properties(t)} AS theme,
       size(here) AS local, regional, worldwide, organizations, need, needSource, needMax
ORDER BY place.id, t.id
