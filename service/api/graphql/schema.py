"""The schema, with strawberry's limits on query depth, aliases and tokens."""

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

from service.api.graphql.errors import CountRoundTrips
from service.api.graphql.query import Query
from service.api.graphql.types import ALL_TYPES
from service.config import Settings


def build_schema(settings: Settings) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        types=ALL_TYPES,
        extensions=[
            QueryDepthLimiter(max_depth=settings.graphql_max_depth),
            MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
            MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
            CountRoundTrips,
        ],
    )
