"""Relay-style connections: edges with cursors, pageInfo and totalCount."""

from collections.abc import Callable
from typing import Generic, TypeVar

import strawberry

from service.domain.pagination import Page

T = TypeVar("T")
R = TypeVar("R")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


def connection(page: Page[R], build: Callable[[R], T]) -> Connection[T]:
    edges = [Edge(cursor=page.cursor(i), node=build(item)) for i, item in enumerate(page.items)]
    info = PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.skip > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, total_count=page.total)
