"""Keeping the map current: API keys and what each may do, the changes themselves (each with
its audit event, in one transaction), the checks of the ids a draft names against the map,
relationships, merges, the duplicate-name check, and the holds an import takes on the
records it writes. What an edit may send is the kinds'
drafts, in `service.model.kinds`."""
