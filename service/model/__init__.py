"""The map's vocabulary, described once: the kinds of records and their ids (`ids.py`),
the value lists (`values.py`), the relationship types with their ends and properties
(`relationships.py`), the field types every record shares (`fields.py`), each kind's own
fields and drafts (`kinds.py`), and a record and a relationship as every layer passes them
(`records.py`). Every layer above imports it; of the service it imports only
`service.errors`, below it."""
