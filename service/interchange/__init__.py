"""Import and export in the field's own formats: the map's CSV and JSON (a file per kind of
record and one for relationships), 3W tables tagged with HXL hashtags, IATI 2.03 activity
files, and GraphML. Every reader turns its file into the same rows (`rows.py`); those are
checked whole (`plan.py`) and written a batch per transaction, all or nothing (`apply.py`)."""
