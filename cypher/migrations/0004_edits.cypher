// Migration 4: what editing needs. Retired nodes keep their id, unique among themselves
// (the service also checks new ids against them); API keys are found by the hash of the
// token and named uniquely; audit events have an id and are read newest first. Every map
// node starts at version 1, the number editors send back to prove they saw the latest.
CREATE CONSTRAINT retired_id IF NOT EXISTS FOR (n:Retired) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT api_key_name IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.name IS UNIQUE;
CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
MATCH (n:MapNode) WHERE n.version IS NULL SET n.version = 1
