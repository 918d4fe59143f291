// Migration 6: overlaps kept in the map (service/domain/overlap_store.py). Scored pairs
// belong to a generation (a rebuild writes a new one, then switches to it), are found by
// either initiative and read best first. One state node says which generation is current.
CREATE CONSTRAINT overlap_state_id IF NOT EXISTS FOR (s:OverlapState) REQUIRE s.id IS UNIQUE;
CREATE INDEX overlap_pair_a IF NOT EXISTS FOR (p:OverlapPair) ON (p.a);
CREATE INDEX overlap_pair_b IF NOT EXISTS FOR (p:OverlapPair) ON (p.b);
CREATE INDEX overlap_pair_score IF NOT EXISTS FOR (p:OverlapPair) ON (p.score);
CREATE INDEX overlap_pair_generation IF NOT EXISTS FOR (p:OverlapPair) ON (p.generation)
