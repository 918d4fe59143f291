"""Who may read what in GraphQL, declared on the fields themselves so that every path
answering a query can tell which fields depend on the caller's key: a field the key's role
limits carries a strawberry permission class (in a PermissionExtension), and a field whose
resolver trims its own answer by the caller is marked with `BY_CALLER` in its metadata.
The fast read path (fast_reads.py) leaves any query touching either to strawberry, which
applies them for each request; what each role may read is decided in editing/keys.py."""

from collections.abc import Mapping
from typing import Any

from strawberry.permission import BasePermission, PermissionExtension
from strawberry.types.field import StrawberryField

# Metadata of a field whose resolver reads who is calling and answers accordingly.
_BY_CALLER_KEY = "answers_by_caller"
BY_CALLER: Mapping[str, bool] = {_BY_CALLER_KEY: True}


class ReadsActors(BasePermission):
    """The names of the keys behind changes: for reader and admin keys only (key names can
    name people); everyone else reads null."""

    message = "key names are shown to reader and admin keys only"

    async def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        caller = await info.context.reader()
        return caller is not None and bool(caller.reads_actors)


def only_for(permission: BasePermission) -> PermissionExtension:
    """A nullable field answered to the callers `permission` lets through, null to others
    (no error: the rest of the answer stands)."""
    return PermissionExtension([permission], use_directives=False, fail_silently=True)


def answers_by_caller(field: StrawberryField) -> bool:
    """Whether the field's answer depends on the caller's key."""
    return (
        bool(field.permission_classes)
        or any(isinstance(e, PermissionExtension) for e in field.extensions)
        or bool(field.metadata.get(_BY_CALLER_KEY))
    )
