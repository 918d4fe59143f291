// Migration 16: the map's revision (cypher/maintenance/revise.cypher), one node that every
// write transaction that changes anything marks before it commits; unique, so two
// processes writing at once mark the same node.
CREATE CONSTRAINT map_revision_id IF NOT EXISTS FOR (r:MapRevision) REQUIRE r.id IS UNIQUE;
