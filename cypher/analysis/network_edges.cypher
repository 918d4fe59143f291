// The organization-initiative-action group network, for centrality: who takes part in what.
// Parameters: none
// Returns: one row per tie: source, target (ids), sourceKind, targetKind
INCLUDE analysis/network_ties
RETURN DISTINCT a.id AS source, b.id AS target
