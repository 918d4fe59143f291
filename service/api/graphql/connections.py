"""Relay-style connections: edges with cursors, pageInfo and totalCount."""

from collections.abc import Callable
from typing import Generic, TypeVar

import strawberry

from service.domain.pagination import Page

T = TypeVar("T")
R = TypeVar("R")


@strawberry.type(description="Where a page sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="True if more come after this page.")
    has_previous_page: bool = strawberry.field(description="True if this page is not the first.")
    start_cursor: str | None = strawberry.field(
        description="The cursor of the first edge on this page."
    )
    end_cursor: str | None = strawberry.field(
        description="The cursor of the last edge; pass it as `after` for the next page."
    )


@strawberry.type(description="One item of a page and its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Where this item sits, for `after`.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="One page of a list, Relay-style.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items on this page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the whole list.")
    total_count: int = strawberry.field(description="How many items the whole list has.")


def connection(page: Page[R], build: Callable[[R], T]) -> Connection[T]:
    edges = [Edge(cursor=page.cursor(i), node=build(item)) for i, item in enumerate(page.items)]
    return Connection(edges=edges, page_info=page_info(page), total_count=page.total)


def page_info(page: Page[R]) -> PageInfo:
    """Where a page sits: its first and last cursors, and whether pages come either side."""
    last = len(page.items) - 1
    return PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.skip > 0,
        start_cursor=page.cursor(0) if page.items else None,
        end_cursor=page.cursor(last) if page.items else None,
    )
