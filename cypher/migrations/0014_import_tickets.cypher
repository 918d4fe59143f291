// Migration 14: an import's progress is followed, and the import cancelled, by the ticket
// its starter chose (cypher/imports/progress_of.cypher, cancel.cypher).
CREATE INDEX import_run_ticket IF NOT EXISTS FOR (n:ImportRun) ON (n.ticket);
