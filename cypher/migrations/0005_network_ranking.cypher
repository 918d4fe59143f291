// Migration 5: the stored organization ranking (service/domain/network.py) is one node,
// kept one by a uniqueness constraint, so two requests storing it at once cannot make two.
CREATE CONSTRAINT network_ranking_id IF NOT EXISTS FOR (s:NetworkRanking) REQUIRE s.id IS UNIQUE
