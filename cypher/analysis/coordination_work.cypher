// Who works on what where, for coordination suggestions: each organization (not retired)
// with each initiative it holds a role in (any of $roles), that initiative's themes and
// places, the groups of people it counts as targeted or reached in each place (the keys of
// its REACHES counts: targeted_children...), and the Alliance bodies it belongs to (any of
// $groupRoles), which tie it to their other members.
// Parameters: $roles (relationship types, organization to initiative), $groupRoles
//             (relationship types, organization to action group)
// Returns: one row per organization and initiative: organization, name, role,
//          initiative, themes (ids), places (country and region ids), reaches (list of
//          {place, counts: the count keys}); and one per organization and group:
//          organization, name, group (the others null)
MATCH (o:Organization)-[r]->(i:Initiative)
WHERE type(r) IN $roles AND NOT o:Retired AND NOT i:Retired
RETURN o.id AS organization, o.name AS name, type(r) AS role, i.id AS initiative,
       [(i)-[:ADDRESSES]->(t:Theme) | t.id] AS themes,
       [(i)-[:OPERATES_IN]->(p) WHERE p:Country OR p:Region | p.id] AS places,
       [(i)-[c:REACHES]->(p) | {place: p.id, counts: keys(c)}] AS reaches, null AS group
UNION ALL
MATCH (o:Organization)-[r]->(g:ActionGroup)
WHERE type(r) IN $groupRoles AND NOT o:Retired AND NOT g:Retired
RETURN o.id AS organization, o.name AS name, null AS role, null AS initiative,
       null AS themes, null AS places, null AS reaches, g.id AS group
