// Migration 1: every node on the map has a stable global id, unique within its kind
// and across the map (the MapNode label is on every node the map draws).
CREATE CONSTRAINT map_node_id IF NOT EXISTS FOR (n:MapNode) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT initiative_id IF NOT EXISTS FOR (n:Initiative) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT action_group_id IF NOT EXISTS FOR (n:ActionGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_iso3 IF NOT EXISTS FOR (n:Country) REQUIRE n.iso3 IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sdg_id IF NOT EXISTS FOR (n:Sdg) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sdg_target_id IF NOT EXISTS FOR (n:SdgTarget) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sdg_target_code IF NOT EXISTS FOR (n:SdgTarget) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE
