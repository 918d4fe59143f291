// Coverage of each place and theme, the 3W way: the initiatives on the theme present on
// $asOf (status active, or unknown as a 3W sheet that gives none leaves it, and their known
// dates around that day) working in the place
// itself (a country, or a region and its countries), those reaching it through a wider
// region short of the world, and those working worldwide; the distinct organizations of the
// first and of the other two; the initiatives there that are not active then (planned,
// proposed, completed, unknown, or outside their dates), counted apart; and the published
// need: the country's own figure (FOR_COUNTRY) and its ILO region's (FOR_REGION), each the
// latest data year unless $edition names one. For a region, `countryPeople` adds up the
// people of its countries' own figures of the same set.
// Parameters: $level ('REGION' or 'COUNTRY'), $theme (theme id or null), $asOf (date),
//             $edition (edition name or null for the latest), $place (one place's id, or
//             null for every place of the level)
// Returns: one row per place and theme: place {id, props}, theme {id, props}, local,
//          regional, worldwide, localOrganizations, reachingOrganizations, notActive (ints),
//          unknownStatus (how many of `local` have no status recorded),
//          reached (people the active work here counts as reached, summed; 0 if none
//          counts them), reachedCounted (how many of its REACHES give a count), funding
//          (per currency: {currency, amount, counted}, each FUNDS of the work here taken
//          as disbursed, else committed, else budget),
//          own (need props or null), ownSources (list of titles), ownMax (the highest
//          own figure of its set, for the index), regionNeed (props or
//          null), regionSource (title or null), regionMax (highest value of that regional
//          figure), countryPeople (int or null), countriesCounted (int)
// (The work is found from each place outwards, never from the theme inwards: a theme has
// tens of thousands of initiatives on a field-sized map, a country hundreds. Worldwide and
// regional work, and their organizations, depend on the theme and the region alone, so
// they are found once per theme and each place picks the regions around it.)
MATCH (t:Theme)
WHERE $theme IS NULL OR t.id = $theme
CALL (t) {
  OPTIONAL MATCH (:Region {id: 'region:world'})<-[:OPERATES_IN]-(i:Initiative)-[:ADDRESSES]->(t)
  WHERE i.status IN ['active', 'unknown']
    AND (i.start_on IS NULL OR i.start_on <= $asOf) AND (i.end_on IS NULL OR i.end_on >= $asOf)
  RETURN collect(DISTINCT i) AS world
}
CALL (world) {
  UNWIND world AS i
  MATCH (o:Organization)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(i)
  RETURN collect(DISTINCT o) AS worldOrganizations
}
CALL (t) {
  MATCH (r:Region) WHERE r.id <> 'region:world'
  MATCH (r)<-[:OPERATES_IN]-(i:Initiative)
  WHERE i.status IN ['active', 'unknown']
    AND (i.start_on IS NULL OR i.start_on <= $asOf) AND (i.end_on IS NULL OR i.end_on >= $asOf)
    AND EXISTS { (i)-[:ADDRESSES]->(t) }
  WITH r, collect(DISTINCT i) AS initiatives
  CALL (initiatives) {
    UNWIND initiatives AS i
    MATCH (o:Organization)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(i)
    RETURN collect(DISTINCT o) AS organizations
  }
  RETURN collect({id: r.id, initiatives: initiatives, organizations: organizations}) AS regional
}
MATCH (place:MapNode)
WHERE (($level = 'REGION' AND place:Region AND place.scheme = 'ILO region')
   OR ($level = 'COUNTRY' AND place:Country))
  AND ($place IS NULL OR place.id = $place)
CALL (place, t) {
  CALL (place) {
    MATCH (place)<-[:OPERATES_IN]-(i:Initiative) RETURN i
    UNION
    MATCH (place)<-[:IN_REGION]-(:Country)<-[:OPERATES_IN]-(i:Initiative) RETURN i
  }
  WITH i WHERE EXISTS { (i)-[:ADDRESSES]->(t) }
  WITH collect(i) AS found
  RETURN [i IN found WHERE i.status IN ['active', 'unknown']
            AND (i.start_on IS NULL OR i.start_on <= $asOf)
            AND (i.end_on IS NULL OR i.end_on >= $asOf)] AS here,
         size(found) AS allHere
}
CALL (place, regional) {
  OPTIONAL MATCH (place)-[:IN_REGION*1..3]->(around:Region)
  WITH collect(DISTINCT around.id) AS aroundIds
  WITH [r IN regional WHERE r.id IN aroundIds] AS hit
  CALL (hit) {
    UNWIND hit AS r
    UNWIND r.initiatives AS i
    RETURN collect(DISTINCT i) AS through
  }
  CALL (hit) {
    UNWIND hit AS r
    UNWIND r.organizations AS o
    RETURN collect(DISTINCT o) AS throughOrganizations
  }
  RETURN through, throughOrganizations
}
CALL (here) {
  UNWIND (CASE WHEN size(here) = 0 THEN [null] ELSE here END) AS i
  OPTIONAL MATCH (o:Organization)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]->(i)
  RETURN count(DISTINCT o) AS localOrganizations
}
CALL (place, here) {
  UNWIND (CASE WHEN size(here) = 0 THEN [null] ELSE here END) AS i
  OPTIONAL MATCH (i)-[r:REACHES]->(p)
  WHERE p = place OR EXISTS { (p)-[:IN_REGION]->(place) }
  WITH r WHERE r.reached IS NOT NULL
  RETURN sum(r.reached) AS reached, count(r) AS reachedCounted
}
CALL (here) {
  UNWIND (CASE WHEN size(here) = 0 THEN [null] ELSE here END) AS i
  OPTIONAL MATCH (:Organization)-[f:FUNDS]->(i)
  WITH f, coalesce(f.disbursed, f.committed, f.budget) AS amount
  WHERE f.currency IS NOT NULL AND amount IS NOT NULL
  WITH f.currency AS currency, sum(amount) AS amount, count(f) AS counted
  ORDER BY currency
  RETURN collect({currency: currency, amount: amount, counted: counted}) AS funding
}
CALL (throughOrganizations, worldOrganizations) {
  UNWIND throughOrganizations + worldOrganizations AS o
  RETURN count(DISTINCT o) AS reachingOrganizations
}
CALL (place, t) {
  OPTIONAL MATCH (n:NeedEstimate)-[:FOR_COUNTRY]->(place)
  WHERE EXISTS { (n)-[:FOR_THEME]->(t) } AND ($edition IS NULL OR n.edition = $edition)
  WITH n ORDER BY coalesce(n.data_year, n.data_year_to, 0) DESC LIMIT 1
  OPTIONAL MATCH (n)-[:CITED_IN]->(s:Source)
  WITH n, collect(s.name) AS ownSources
  // The highest own figure of the same set (measure and edition), for the index.
  OPTIONAL MATCH (peer:NeedEstimate)-[:FOR_THEME]->(t)
  WHERE peer.measure = n.measure AND peer.edition = n.edition
    AND EXISTS { (peer)-[:FOR_COUNTRY]->() }
  RETURN properties(n) AS own, ownSources, max(peer.value) AS ownMax
}
OPTIONAL MATCH (place)-[:IN_REGION]->(ilo:Region {scheme: 'ILO region'})
WITH place, t, here, allHere, through, world, localOrganizations, reachingOrganizations, own,
     ownSources, ownMax, reached, reachedCounted, funding, coalesce(ilo, place) AS needRegion
CALL (needRegion, t) {
  OPTIONAL MATCH (n:NeedEstimate)-[:FOR_REGION]->(needRegion)
  WHERE EXISTS { (n)-[:FOR_THEME]->(t) } AND ($edition IS NULL OR n.edition = $edition OR n.edition IS NULL)
  WITH n ORDER BY n.data_year DESC LIMIT 1
  OPTIONAL MATCH (n)-[:CITED_IN]->(s:Source)
  OPTIONAL MATCH (peer:NeedEstimate)-[:FOR_THEME]->(t)
  WHERE peer.measure = n.measure AND peer.data_year = n.data_year AND EXISTS { (peer)-[:FOR_REGION]->() }
  RETURN properties(n) AS regionNeed, s.name AS regionSource, max(peer.value) AS regionMax
}
CALL (place, t) {
  OPTIONAL MATCH (n:NeedEstimate)-[:FOR_COUNTRY]->(:Country)-[:IN_REGION]->(place)
  WHERE place:Region AND EXISTS { (n)-[:FOR_THEME]->(t) }
    AND ($edition IS NULL OR n.edition = $edition)
  RETURN sum(n.people) AS countryPeople, count(n) AS countriesCounted
}
RETURN {id: place.id, props: properties(place)} AS place, {id: t.id, props: properties(t)} AS theme,
       size(here) AS local, size(through) AS regional, size(world) AS worldwide,
       localOrganizations, reachingOrganizations, allHere - size(here) AS notActive,
       size([i IN here WHERE i.status = 'unknown']) AS unknownStatus,
       reached, reachedCounted, funding,
       own, ownSources, ownMax, regionNeed, regionSource, regionMax,
       CASE WHEN countriesCounted = 0 THEN null ELSE countryPeople END AS countryPeople,
       countriesCounted
ORDER BY place.id, t.id
