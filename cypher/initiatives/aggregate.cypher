// Counts and sums over the initiatives a filter matches (the same as initiatives/page),
// grouped by the dimensions in $by, in order: COUNTRY (the countries it works in),
// ADMIN_AREA (its areas, as written), REGION (the regions it works in directly), THEME,
// SECTOR (its sectors as written), ORGANIZATION_TYPE (the types of the organizations taking
// part), STATUS, YEAR (the year it starts). An initiative falls in every group its values
// make (one in two countries counts in both); one with no value for a dimension falls in
// that dimension's null group ("not recorded"). Per group: the initiatives, the distinct
// organizations taking part (by ORGANIZATION_TYPE, those of the type), the people reached
// (REACHES; by COUNTRY, those reached in that country; null where none is counted) and the
// money per currency (each funding as disbursed, else committed, else budget). Organizations
// are those with any role in it, as the organization filters count them.
// Parameters: $by (list of dimension names), $includeRetired, $kind, $status, $theme,
//             $sdgTarget, $countryPlaces, $regionPlaces, $actionGroup, $organization,
//             $organizationType, $text, $activeOn, $activeFrom, $activeTo, $updatedSince,
//             $lastVerifiedBefore
// Returns: one row per group, largest first: group (list of values, one per dimension,
//          null where not recorded), initiatives, organizations (ints), reached (int or
//          null), reachedCounted (int), funding (list of {currency, amount, counted})
INCLUDE initiatives/matching
WITH DISTINCT i
// What each initiative brings to its groups, read once however many groups it falls in.
WITH i,
     [k IN range(0, size($by) - 1) WHERE $by[k] = 'ORGANIZATION_TYPE'][0] AS typeAt,
     [k IN range(0, size($by) - 1) WHERE $by[k] = 'COUNTRY'][0] AS countryAt,
     [(o:Organization)-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|REQUESTED|PROPOSED]->(i) |
        [o.id, o.type]] AS taking,
     [(i)-[r:REACHES]->(p) WHERE r.reached IS NOT NULL | [p.id, r.reached]] AS reaching,
     [(:Organization)-[f:FUNDS]->(i)
        WHERE f.currency IS NOT NULL AND coalesce(f.disbursed, f.committed, f.budget) IS NOT NULL |
        {currency: f.currency, amount: coalesce(f.disbursed, f.committed, f.budget)}] AS fundings
WITH i, typeAt, countryAt, taking, reaching, fundings,
     [d IN $by |
       CASE d
         WHEN 'COUNTRY' THEN [(i)-[:OPERATES_IN]->(c:Country) | c.id]
         WHEN 'ADMIN_AREA' THEN coalesce(i.areas, [])
         WHEN 'REGION' THEN [(i)-[:OPERATES_IN]->(r:Region) | r.id]
         WHEN 'THEME' THEN [(i)-[:ADDRESSES]->(t:Theme) | t.id]
         WHEN 'SECTOR' THEN coalesce(i.sectors, [])
         WHEN 'ORGANIZATION_TYPE' THEN reduce(types = [], t IN taking |
             CASE WHEN t[1] IN types THEN types ELSE types + t[1] END)
         WHEN 'STATUS' THEN [i.status]
         WHEN 'YEAR' THEN CASE WHEN i.start_on IS NULL THEN [] ELSE [toString(i.start_on.year)] END
       END] AS valueLists
// Every combination of the initiative's values, one value (or null) per dimension.
WITH i, typeAt, countryAt, taking, reaching, fundings,
     reduce(groups = [[]], values IN valueLists |
       reduce(out = [], g IN groups |
         out + [v IN (CASE WHEN size(values) = 0 THEN [null] ELSE values END) | g + [v]])) AS groups
UNWIND groups AS g
WITH g, fundings,
     [t IN taking WHERE typeAt IS NULL OR t[1] = g[typeAt] | t[0]] AS organizations,
     reduce(total = null, r IN reaching |
       CASE WHEN countryAt IS NULL OR r[0] = g[countryAt] THEN coalesce(total, 0) + r[1]
            ELSE total END) AS reachedHere
WITH g, count(*) AS initiatives, sum(reachedHere) AS reached, count(reachedHere) AS reachedCounted,
     collect(organizations) AS organizationLists, collect(fundings) AS fundingLists
CALL (organizationLists) {
  UNWIND organizationLists AS found
  UNWIND found AS o
  RETURN count(DISTINCT o) AS organizations
}
CALL (fundingLists) {
  UNWIND fundingLists AS found
  UNWIND found AS f
  WITH f.currency AS currency, sum(f.amount) AS amount, count(*) AS counted
  ORDER BY currency
  RETURN collect({currency: currency, amount: amount, counted: counted}) AS funding
}
RETURN g AS group, initiatives, organizations,
       CASE WHEN reachedCounted = 0 THEN null ELSE reached END AS reached, reachedCounted, funding
ORDER BY initiatives DESC, organizations DESC, g
