// Migration 7: imports written in batches (service/editing/holds.py). A running import is an
// ImportRun; each record it names is held by one ImportHold, unique by the record's id, so
// no two imports hold one record and an edit finds a hold by an index lookup.
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (r:ImportRun) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT import_hold_id IF NOT EXISTS FOR (h:ImportHold) REQUIRE h.id IS UNIQUE;
CREATE INDEX import_hold_run IF NOT EXISTS FOR (h:ImportHold) ON (h.run)
