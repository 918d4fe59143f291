"""The fast read path (service/api/graphql/fast_reads.py) answers nothing that depends on
who is asking: on a small schema of its own, a field with a permission class is never
kept, and a resolver that asks for the caller sends its query back to strawberry."""

import asyncio
from typing import Any

import strawberry
from strawberry.permission import BasePermission
from strawberry.types import ExecutionResult

from service.api.graphql import rights
from service.api.graphql.fast_reads import FastReads
from service.config import PROJECT_ROOT


class Insider(BasePermission):
    message = "insiders only"

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return bool(info.context.insider)


@strawberry.type
class Thing:
    shown: str
    # An attribute, no resolver: only strawberry's extension stands between it and a caller.
    kept_back: str | None = strawberry.field(extensions=[rights.only_for(Insider())])


@strawberry.type
class Query:
    @strawberry.field
    def thing(self) -> Thing:
        return Thing(shown="for all", kept_back="for insiders")

    @strawberry.field
    async def caller(self, info: strawberry.Info) -> str | None:
        # Depends on the caller, but says so nowhere in the schema.
        who = await info.context.reader()
        return str(who) if who else None


class Caller:
    def __init__(self, insider: bool) -> None:
        self.insider = insider

    async def reader(self) -> str | None:
        return "insider" if self.insider else None


SCHEMA = strawberry.Schema(query=Query)


def _fast() -> FastReads:
    return FastReads(SCHEMA, PROJECT_ROOT / "cypher")


def _strawberry(query: str, insider: bool) -> ExecutionResult:
    result = asyncio.run(SCHEMA.execute(query, context_value=Caller(insider)))
    assert not result.errors, result.errors
    return result


def test_a_field_with_a_permission_class_is_left_to_strawberry() -> None:
    fast = _fast()
    assert ("Thing", "keptBack") in fast.answered_by_caller
    for query in (
        "{ thing { shown keptBack } }",
        "{ thing { ...T } } fragment T on Thing { keptBack }",
        "{ thing { ... on Thing { shown keptBack } } }",
    ):
        assert not fast.learn(query, None, _strawberry(query, insider=True)), query
        assert asyncio.run(fast.execute(query, None, None, Caller(insider=False))) is None
    plain = "{ thing { shown } }"
    assert fast.learn(plain, None, _strawberry(plain, insider=False))
    answer = asyncio.run(fast.execute(plain, None, None, Caller(insider=False)))
    assert answer is not None
    assert answer.data == {"thing": {"shown": "for all"}}


def test_a_resolver_that_asks_for_the_caller_sends_its_query_back() -> None:
    fast = _fast()
    query = "{ caller }"
    assert fast.learn(query, None, _strawberry(query, insider=True))
    assert asyncio.run(fast.execute(query, None, None, Caller(insider=True))) is None
    assert fast.answered == 0
    # Not tried again: the query is no longer kept.
    assert not fast._kept
