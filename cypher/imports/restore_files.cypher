// Restores the files a map export says its facts were seen in (the export's `seen`):
// each file keeps its earliest first import, its latest last import and the larger count.
// Parameters: $files (list of {name, first_imported, last_imported, imports})
// Returns: one row: files (list of {name, before: the file's properties before, or null})
UNWIND $files AS row
OPTIONAL MATCH (old:ImportFile {name: row.name})
WITH row, properties(old) AS before
MERGE (f:ImportFile {name: row.name})
  ON CREATE SET f.first_imported = row.first_imported, f.last_imported = row.last_imported,
                f.imports = row.imports
WITH f, row, before
SET f.first_imported = CASE WHEN row.first_imported < f.first_imported
                            THEN row.first_imported ELSE f.first_imported END,
    f.last_imported = CASE WHEN row.last_imported > f.last_imported
                           THEN row.last_imported ELSE f.last_imported END,
    f.imports = CASE WHEN row.imports > f.imports THEN row.imports ELSE f.imports END
RETURN collect({name: row.name, before: before}) AS files
