// Migration 8: people, commitments and indicators (service/model/kinds.py). Each kind's ids
// are unique; commitments are filtered by status and by due date ("overdue on"); and the
// full-text index `search` reads is made again to take in the new kinds, and people's
// posts, indicators' codes and definitions (a full-text index's labels cannot be changed
// in place, so the old one goes and one under a new name replaces it).
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT commitment_id IF NOT EXISTS FOR (n:Commitment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (n:Indicator) REQUIRE n.id IS UNIQUE;
CREATE INDEX commitment_status IF NOT EXISTS FOR (n:Commitment) ON (n.status);
CREATE INDEX commitment_due_on IF NOT EXISTS FOR (n:Commitment) ON (n.due_on);
DROP INDEX map_text IF EXISTS;
CREATE FULLTEXT INDEX map_search IF NOT EXISTS
FOR (n:Organization|Initiative|ActionGroup|Country|Region|Sdg|SdgTarget|Theme|Event|Source|Person|Commitment|Indicator)
ON EACH [n.name, n.acronym, n.description, n.job_title, n.code, n.definition]
