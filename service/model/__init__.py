"""The map's vocabulary, described once: the kinds of records and their ids (`ids.py`),
the value lists (`values.py`), the relationship types with their ends and properties
(`relationships.py`), the field types every record shares (`fields.py`), the problems
validation reports and the errors users can act on (`problems.py`, `errors.py`), and each
kind's own fields (`kinds.py`). Every other layer imports it; it imports none of them."""
