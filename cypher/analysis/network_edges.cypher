// The organization-initiative-action group network, for centrality: who takes part in what.
// Parameters: none
// Returns: one row per tie: source, target (ids), sourceKind, targetKind
MATCH (a:MapNode)-[r:LEADS|IMPLEMENTS|FUNDS|PARTNERS_IN|HOSTS|REQUESTED|PROPOSED|CHAIRS|MEMBER_OF|SUPPORTS|COORDINATES]->(b:MapNode)
WHERE (a:Organization OR a:ActionGroup) AND (b:Initiative OR b:ActionGroup OR b:Organization)
RETURN DISTINCT a.id AS source, b.id AS target
