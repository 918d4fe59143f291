// One page of initiatives matching every given filter (a null filter matches all), ordered
// by name. Places follow the map's one place rule (service/domain/places.py): the country
// and region filters arrive as the sets of places each matches. For activeOn, known dates decide (a partial
// date covers its whole month or year): only active or completed work runs (planned,
// proposed and unknown work never does); a missing start counts as "since ever", and a
// missing end as "still running" only for active work. $activeFrom and $activeTo (both or
// neither) keep active or completed work whose known dates overlap that range. An organization
// type matches initiatives with at least one organization of that type in any role.
// With $includeRetired, retired initiatives are listed too. $updatedSince keeps those an
// audit event names (an edit or an import) or an import saw on or after that day;
// $lastVerifiedBefore those never verified or verified before that day (a partial date
// compares as its first day).
// Parameters: $includeRetired, $kind, $status, $theme, $sdgTarget, $countryPlaces, $regionPlaces,
//             $actionGroup, $organization, $organizationType, $text, $activeOn, $activeFrom, $activeTo,
//             $updatedSince, $lastVerifiedBefore, $skip, $limit
// Returns: one row: total (int), page (list of {id, props})
// With a place filter, the candidates are found from its places outwards (a country's
// work is hundreds of initiatives, the map's tens of thousands); the filters then apply.
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
  UNION
  MATCH (i:Retired) WHERE $includeRetired AND i.id STARTS WITH 'initiative:' RETURN i
}
WITH i
WHERE ($kind IS NULL OR i.kind = $kind)
  AND ($status IS NULL OR i.status = $status)
  AND ($text IS NULL OR toLower(i.name) CONTAINS toLower($text)
       OR toLower(coalesce(i.description, '')) CONTAINS toLower($text))
  AND ($theme IS NULL OR EXISTS { (i)-[:ADDRESSES]->(:Theme {id: $theme}) })
  AND ($sdgTarget IS NULL OR EXISTS { (i)-[:CONTRIBUTES_TO]->(:SdgTarget {id: $sdgTarget}) })
  AND ($countryPlaces IS NULL OR EXISTS { (i)-[:OPERATES_IN]->(p) WHERE p.id IN $countryPlaces })
  AND ($regionPlaces IS NULL OR EXISTS { (i)-[:OPERATES_IN]->(p) WHERE p.id IN $regionPlaces })
  AND ($actionGroup IS NULL OR EXISTS { (:ActionGroup {id: $actionGroup})-[:COORDINATES]->(i) })
  AND ($organization IS NULL OR EXISTS {
       (:Organization {id: $organization})-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|REQUESTED|PROPOSED]->(i) })
  AND ($organizationType IS NULL OR EXISTS {
       (o:Organization)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|REQUESTED|PROPOSED]->(i)
       WHERE o.type = $organizationType })
  AND ($activeOn IS NULL
       OR (i.status IN ['active', 'completed']
           AND (i.start_on IS NULL OR i.start_on <= $activeOn)
           AND (i.end_on >= $activeOn OR (i.end_on IS NULL AND i.status = 'active'))))
  AND ($activeFrom IS NULL OR $activeTo IS NULL
       OR (i.status IN ['active', 'completed'] AND i.start_on IS NOT NULL
           AND i.start_on <= $activeTo AND coalesce(i.end_on, i.start_on) >= $activeFrom))
  AND ($lastVerifiedBefore IS NULL OR i.last_verified IS NULL
       OR i.last_verified < toString($lastVerifiedBefore))
  AND ($updatedSince IS NULL
       OR EXISTS { (i)-[s:SEEN_IN]->() WHERE date(s.last_seen) >= $updatedSince }
       OR EXISTS { MATCH (e:AuditEvent) WHERE e.at >= datetime({date: $updatedSince})
                   AND i.id IN e.targets })
WITH i ORDER BY toLower(i.name), i.id
WITH collect(i) AS matched
RETURN size(matched) AS total,
       [i IN matched[$skip..($skip + $limit)] | {id: i.id, props: properties(i)}] AS page
