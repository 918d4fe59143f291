// Notes that an import reads these files: each file is one ImportFile, by name, with when
// it was first and last imported and how many imports read it. All of one import's batches
// give the same $at, so an import counts once however many batches it writes.
// Parameters: $names (file names), $at (the import's start, a datetime)
// Returns: one row: files (list of {name, before: the file's properties before, or null})
UNWIND $names AS name
OPTIONAL MATCH (old:ImportFile {name: name})
WITH name, properties(old) AS before
MERGE (f:ImportFile {name: name})
  ON CREATE SET f.first_imported = $at, f.imports = 0
WITH f, name, before, f.last_imported = $at AS already
SET f.imports = CASE WHEN already THEN f.imports ELSE f.imports + 1 END,
    f.last_imported = $at
RETURN collect(CASE WHEN already THEN NULL ELSE {name: name, before: before} END) AS files
