// "Who is doing what, where": one row per (organization, role, initiative) matching every
// given filter (a null filter matches all), with the initiative's places, themes and SDG
// targets and the source of the role. A country filter also matches initiatives that
// operate in a region the country lies in; matchedVia then names the closest such region
// (or the country itself for a direct match).
// Parameters: $country, $region, $theme, $sdgTarget, $organizationType, $actionGroup,
//             $activeOn, $skip, $limit
// Returns: one row: total (int), page (list of {organization, role, roleProps, initiative,
//          places, themes, sdgTargets, source, matchedVia})
OPTIONAL MATCH path = (:Country {id: $country})-[:IN_REGION*1..3]->(around:Region)
WITH around, min(length(path)) AS hops
ORDER BY hops, around.id
WITH collect(around.id) AS countryRegions
OPTIONAL MATCH (inside:MapNode)-[:IN_REGION*1..3]->(:Region {id: $region})
WITH countryRegions, collect(DISTINCT inside.id) + [$region] AS regionPlaces
MATCH (o:Organization)-[role:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|REQUESTED|PROPOSED]->(i:Initiative)
WHERE ($organizationType IS NULL OR o.type = $organizationType)
  AND ($theme IS NULL OR EXISTS { (i)-[:ADDRESSES]->(:Theme {id: $theme}) })
  AND ($sdgTarget IS NULL OR EXISTS { (i)-[:CONTRIBUTES_TO]->(:SdgTarget {id: $sdgTarget}) })
  AND ($actionGroup IS NULL OR EXISTS { (:ActionGroup {id: $actionGroup})-[:COORDINATES]->(i) })
  AND ($activeOn IS NULL
       OR ((i.start_on <= $activeOn OR (i.start_on IS NULL AND i.status IN ['active', 'completed']))
           AND (i.end_on IS NULL OR i.end_on >= $activeOn)))
OPTIONAL MATCH (i)-[:OPERATES_IN]->(place:MapNode)
WITH countryRegions, regionPlaces, o, role, i,
     collect(CASE WHEN place IS NULL THEN NULL ELSE {id: place.id, props: properties(place)} END) AS places
WITH o, role, i, places, regionPlaces,
     [p IN places WHERE p.id = $country | p.id]
       + [r IN countryRegions WHERE any(p IN places WHERE p.id = r)] AS via
WHERE ($country IS NULL OR size(via) > 0)
  AND ($region IS NULL OR any(p IN places WHERE p.id IN regionPlaces))
OPTIONAL MATCH (i)-[:ADDRESSES]->(theme:Theme)
WITH o, role, i, places, via, collect(CASE WHEN theme IS NULL THEN NULL ELSE {id: theme.id, props: properties(theme)} END) AS themes
OPTIONAL MATCH (i)-[:CONTRIBUTES_TO]->(target:SdgTarget)
WITH o, role, i, places, via, themes,
     collect(CASE WHEN target IS NULL THEN NULL
                  ELSE {id: target.id, props: properties(target)} END) AS sdgTargets
OPTIONAL MATCH (src:Source {id: role.source})
WITH o, role, i, places, via, themes, sdgTargets, src
ORDER BY toLower(o.name), toLower(i.name), type(role)
WITH collect({
  organization: {id: o.id, props: properties(o)}, role: type(role), roleProps: properties(role),
  initiative: {id: i.id, props: properties(i)}, places: places, themes: themes,
  sdgTargets: sdgTargets, source: properties(src), matchedVia: via[0]
}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page
