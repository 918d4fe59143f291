"""Relay-style paging: `first` and an opaque `after` cursor that encodes an offset (or, for
a feed that grows at its end, the key of the last item read: `key_cursor`)."""

import base64
import binascii
from dataclasses import dataclass
from typing import Generic, TypeVar

from service.errors import BadInput

T = TypeVar("T")
_PREFIX = "offset:"


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    text = _decoded(cursor)
    if not text.startswith(_PREFIX) or not text[len(_PREFIX) :].isdigit():
        raise _not_ours(cursor)
    return int(text[len(_PREFIX) :])


def key_cursor(*parts: str) -> str:
    """A cursor naming the last item read by its key's parts (none holds `|`)."""
    return base64.urlsafe_b64encode("|".join(parts).encode()).decode()


def decode_key_cursor(cursor: str, parts: int) -> list[str]:
    """The `parts` parts of a key cursor; BadInput if it is not one this API gave out."""
    found = _decoded(cursor).split("|")
    if len(found) != parts or not all(found):
        raise _not_ours(cursor)
    return found


def _decoded(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return ""


def _not_ours(cursor: str) -> BadInput:
    return BadInput(f"'after' is not a cursor this API gave out: {cursor!r}")


@dataclass(frozen=True)
class PageRequest:
    skip: int
    limit: int

    @classmethod
    def of(cls, first: int, after: str | None, maximum: int) -> "PageRequest":
        if not 1 <= first <= maximum:
            raise BadInput(f"'first' must be between 1 and {maximum}, not {first}")
        return cls(skip=0 if after is None else decode_cursor(after) + 1, limit=first)


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    skip: int

    @property
    def has_next(self) -> bool:
        return self.skip + len(self.items) < self.total

    def cursor(self, index: int) -> str:
        return encode_cursor(self.skip + index)
