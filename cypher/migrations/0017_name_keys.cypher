// Migration 17: every named record's sort key (service/model/records.py, SORT_KEY), which
// every write now stores with its name, given to the records stored before; and an index on
// it for the two kinds whose lists are long, so a page is read in name order from the index
// instead of sorting every match.
MATCH (n:MapNode) WHERE n.name IS NOT NULL AND n.name_key IS NULL SET n.name_key = toLower(n.name);
MATCH (n:Retired) WHERE n.name IS NOT NULL AND n.name_key IS NULL SET n.name_key = toLower(n.name);
CREATE INDEX organization_name_key IF NOT EXISTS FOR (n:Organization) ON (n.name_key);
CREATE INDEX initiative_name_key IF NOT EXISTS FOR (n:Initiative) ON (n.name_key)
