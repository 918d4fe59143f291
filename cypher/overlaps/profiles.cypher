// What overlap scoring compares about each initiative: places (and the regions around its
// countries), themes, SDG targets, organizations, coordinating action groups, kind of work,
// dates and text, the initiatives it is linked with or follows up (or that follow it up),
// everything it follows up (events too), and the initiatives it complements or that
// complement it.
// Parameters: $ids (initiative ids)
// Returns: one row per initiative found: id, props, places, around, themes, targets,
//          organizations, actionGroups, linked, follows, complements
UNWIND $ids AS id
MATCH (i:Initiative {id: id})
RETURN i.id AS id, properties(i) AS props,
       [(i)-[:OPERATES_IN]->(p) | p.id] AS places,
       [(i)-[:OPERATES_IN]->(:Country)-[:IN_REGION*1..2]->(r:Region)
          WHERE r.id <> 'region:world' | r.id] AS around,
       [(i)-[:ADDRESSES]->(t:Theme) | t.id] AS themes,
       [(i)-[:CONTRIBUTES_TO]->(s) | s.id] AS targets,
       [(i)<-[:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS]-(o:Organization) | o.id] AS organizations,
       [(i)<-[:COORDINATES]-(g:ActionGroup) | g.id] AS actionGroups,
       [(i)-[:LINKED_WITH|FOLLOWS_UP]-(j:Initiative) | j.id] AS linked,
       [(i)-[:FOLLOWS_UP]->(x) | x.id] AS follows,
       [(i)-[:COMPLEMENTS]-(j:Initiative) | j.id] AS complements
