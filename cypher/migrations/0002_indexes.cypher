// Migration 2: the indexes the filters use, and one full-text index over the names and
// descriptions of every kind, for `search`.
CREATE INDEX organization_type IF NOT EXISTS FOR (n:Organization) ON (n.type);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX initiative_kind IF NOT EXISTS FOR (n:Initiative) ON (n.kind);
CREATE INDEX initiative_status IF NOT EXISTS FOR (n:Initiative) ON (n.status);
CREATE INDEX initiative_name IF NOT EXISTS FOR (n:Initiative) ON (n.name);
CREATE INDEX country_iso2 IF NOT EXISTS FOR (n:Country) ON (n.iso2);
CREATE INDEX region_scheme IF NOT EXISTS FOR (n:Region) ON (n.scheme);
CREATE FULLTEXT INDEX map_text IF NOT EXISTS
FOR (n:Organization|Initiative|ActionGroup|Country|Region|Sdg|SdgTarget|Theme|Event|Source)
ON EACH [n.name, n.acronym, n.description]
