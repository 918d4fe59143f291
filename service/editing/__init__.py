"""Keeping the map current: API keys and what each may do, validated drafts of the records
editors write, the changes themselves (each with its audit event, in one transaction),
relationships, merges, and the duplicate-name check."""
