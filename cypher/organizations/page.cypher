// One page of organizations matching every given filter (a null filter matches all),
// ordered by name. An organization matches a place, theme, SDG target or action group if
// it is tied to it directly or through an initiative it leads, implements, funds, hosts or
// partners in. The country and region filters arrive as the sets of places each matches
// under the map's one place rule (service/domain/places.py): based in one of them, or
// working in one through an initiative.
// With $includeRetired, retired organizations are listed too.
// Parameters: $includeRetired, $type, $theme, $sdgTarget, $countryPlaces, $regionPlaces, $actionGroup, $text, $skip, $limit
// Returns: one row: total (int), page (list of {id, props})
CALL () {
  MATCH (o:Organization) RETURN o
  UNION
  MATCH (o:Retired) WHERE $includeRetired AND o.id STARTS WITH 'organization:' RETURN o
}
WITH o
WHERE ($type IS NULL OR o.type = $type)
  AND ($text IS NULL OR toLower(o.name) CONTAINS toLower($text)
       OR toLower(coalesce(o.acronym, '')) CONTAINS toLower($text))
  AND ($theme IS NULL
       OR EXISTS { (o)-[:ADDRESSES]->(:Theme {id: $theme}) }
       OR EXISTS { (o)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(:Initiative)-[:ADDRESSES]->(:Theme {id: $theme}) }
       OR EXISTS { (o)-[:CHAIRS]->(:ActionGroup)-[:FOCUSES_ON]->(:Theme {id: $theme}) })
  AND ($sdgTarget IS NULL
       OR EXISTS { (o)-[:CONTRIBUTES_TO]->(:SdgTarget {id: $sdgTarget}) }
       OR EXISTS { (o)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(:Initiative)-[:CONTRIBUTES_TO]->(:SdgTarget {id: $sdgTarget}) })
  AND ($countryPlaces IS NULL
       OR EXISTS { (o)-[:BASED_IN]->(c) WHERE c.id IN $countryPlaces }
       OR EXISTS { (o)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(:Initiative)-[:OPERATES_IN]->(p)
                   WHERE p.id IN $countryPlaces })
  AND ($regionPlaces IS NULL
       OR EXISTS { (o)-[:BASED_IN]->(c) WHERE c.id IN $regionPlaces }
       OR EXISTS { (o)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(:Initiative)-[:OPERATES_IN]->(p)
                   WHERE p.id IN $regionPlaces })
  AND ($actionGroup IS NULL
       OR EXISTS { (o)-[:CHAIRS|MEMBER_OF|SUPPORTS]->(:ActionGroup {id: $actionGroup}) }
       OR EXISTS { (o)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(:Initiative)<-[:COORDINATES]-(:ActionGroup {id: $actionGroup}) })
WITH o ORDER BY toLower(o.name), o.id
WITH collect(o) AS matched
RETURN size(matched) AS total,
       [o IN matched[$skip..($skip + $limit)] | {id: o.id, props: properties(o)}] AS page
