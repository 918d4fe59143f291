"""Keeping the map current: API keys and what each may do, the changes themselves (each with
its audit event, in one transaction), the checks of the ids a draft names against the map,
relationships, merges, and the duplicate-name check. What an edit may send is the kinds'
drafts, in `service.model.kinds`."""
