// Migration 12: row-level provenance (service/interchange/seen.py). Each file an import
// reads is one ImportFile, by name; facts point to it with SEEN_IN, keyed by the fact.
CREATE CONSTRAINT import_file_name IF NOT EXISTS FOR (f:ImportFile) REQUIRE f.name IS UNIQUE;
CREATE INDEX seen_in_fact IF NOT EXISTS FOR ()-[s:SEEN_IN]-() ON (s.fact)
