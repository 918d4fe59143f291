// Migration 9: search finds a record by its other names (`aliases`: its names in French,
// Spanish and other languages, and their acronyms, such as OIT for the ILO) and an event by
// its city, and finds a name with or without its accents (Unión, union). A full-text
// index's properties and analyzer cannot be changed in place, so the old one goes and one
// under a new name replaces it; `standard-folding` is the standard analyzer with accents
// folded away.
DROP INDEX map_search IF EXISTS;
CREATE FULLTEXT INDEX map_find IF NOT EXISTS
FOR (n:Organization|Initiative|ActionGroup|Country|Region|Sdg|SdgTarget|Theme|Event|Source|Person|Commitment|Indicator)
ON EACH [n.name, n.acronym, n.aliases, n.city, n.description, n.job_title, n.code, n.definition]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}
