"""Errors a user can act on; the API turns them into coded GraphQL errors."""


class NotFound(LookupError):
    """No node on the map has the id asked for."""


class BadInput(ValueError):
    """An argument or filter value that cannot be right; the message names it."""
