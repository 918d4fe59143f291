// How many rows "who is doing what, where" has for the filters (who/rows reads one page of
// them): one per (organization, role, initiative), and one for each matching initiative no
// organization is recorded for. It reads every matching initiative, so the service keeps
// the answer until the map changes (service/domain/who.py).
// Parameters: $countryPlaces, $regionPlaces, $theme, $sdgTarget, $organizationType,
//             $actionGroup, $activeOn
// Returns: one row: total (int)
CALL () {
  WITH coalesce($countryPlaces, $regionPlaces) AS places
  WITH places WHERE places IS NOT NULL
  MATCH (p:MapNode) WHERE p.id IN places
  MATCH (p)<-[:OPERATES_IN]-(i:Initiative)
  RETURN i
  UNION
  WITH coalesce($countryPlaces, $regionPlaces) AS places
  WITH places WHERE places IS NULL
  MATCH (i:Initiative)
  RETURN i
}
WITH i WHERE
INCLUDE who/matching
WITH i, COUNT {
  (o:Organization)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|REQUESTED|PROPOSED]->(i)
  WHERE $organizationType IS NULL OR o.type = $organizationType } AS roles
RETURN sum(CASE WHEN roles = 0 THEN 1 ELSE roles END) AS total
