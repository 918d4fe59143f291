// One page of organizations matching every given filter (a null filter matches all),
// ordered by name. An organization matches a place, theme, SDG target or action group if
// it is tied to it directly or through an initiative it leads, implements, funds, hosts or
// partners in. The country filter means based in, or working in, that country.
// With $includeRetired, retired organizations are listed too.
// Parameters: $includeRetired, $type, $theme, $sdgTarget, $country, $region, $actionGroup, $text, $skip, $limit
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
  AND ($country IS NULL
       OR EXISTS { (o)-[:BASED_IN]->(:Country {id: $country}) }
       OR EXISTS { (o)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(:Initiative)-[:OPERATES_IN]->(:Country {id: $country}) })
  AND ($region IS NULL
       OR EXISTS { (o)-[:BASED_IN]->(:Country)-[:IN_REGION*1..3]->(:Region {id: $region}) }
       OR EXISTS { (o)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(:Initiative)-[:OPERATES_IN]->()-[:IN_REGION*0..3]->(:Region {id: $region}) })
  AND ($actionGroup IS NULL
       OR EXISTS { (o)-[:CHAIRS|MEMBER_OF|SUPPORTS]->(:ActionGroup {id: $actionGroup}) }
       OR EXISTS { (o)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(:Initiative)<-[:COORDINATES]-(:ActionGroup {id: $actionGroup}) })
WITH o ORDER BY toLower(o.name), o.id
WITH collect(o) AS matched
RETURN size(matched) AS total,
       [o IN matched[$skip..($skip + $limit)] | {id: o.id, props: properties(o)}] AS page
