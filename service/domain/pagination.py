"""Relay-style paging: `first` and an opaque `after` cursor that encodes an offset."""

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
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    if not text.startswith(_PREFIX) or not text[len(_PREFIX) :].isdigit():
        raise BadInput(f"'after' is not a cursor this API gave out: {cursor!r}")
    return int(text[len(_PREFIX) :])


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
