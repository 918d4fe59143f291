"""The schema, with strawberry's limits on query depth, aliases and tokens."""

from collections.abc import Callable

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from service.api.graphql.aggregates import AggregateQuery
from service.api.graphql.alerts import AlertMutation, AlertQuery
from service.api.graphql.analysis import AnalysisQuery
from service.api.graphql.errors import CountRoundTrips, log_errors
from service.api.graphql.forms import FormQuery
from service.api.graphql.history import ChangeSubscription, HistoryQuery
from service.api.graphql.identity import IdentityMutation, IdentityQuery
from service.api.graphql.mutation import Mutation
from service.api.graphql.nodes import all_types
from service.api.graphql.profiles import ProfileQuery
from service.api.graphql.query import Query as MapQuery
from service.api.graphql.reviews import ReviewMutation, ReviewQuery
from service.api.graphql.webhooks import WebhookMutation, WebhookQuery
from service.config import Settings


def _extensions(settings: Settings) -> list[type[SchemaExtension] | Callable[[], SchemaExtension]]:
    """Factories, so each request gets fresh extension instances."""
    return [
        lambda: QueryDepthLimiter(max_depth=settings.graphql_max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
        lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
        CountRoundTrips,
    ]


class MapSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: object | None = None
    ) -> None:
        log_errors(errors)


@strawberry.type(
    description="Questions to the map: records and lists, search, drawings, the analyses "
    "(overlaps, coverage, constituencies, centrality) and each record's history."
)
class Query(
    MapQuery,
    AnalysisQuery,
    AggregateQuery,
    ProfileQuery,
    HistoryQuery,
    IdentityQuery,
    FormQuery,
    ReviewQuery,
    WebhookQuery,
    AlertQuery,
):
    pass


@strawberry.type(name="Mutation", description="Every change to the map. Each needs an API key.")
class MapMutation(Mutation, IdentityMutation, ReviewMutation, WebhookMutation, AlertMutation):
    pass


@strawberry.type(
    name="Subscription", description="What the map says as it happens, over a WebSocket."
)
class Subscription(ChangeSubscription):
    pass


def build_schema(settings: Settings) -> strawberry.Schema:
    return MapSchema(
        query=Query,
        mutation=MapMutation,
        subscription=Subscription,
        types=all_types(),
        extensions=_extensions(settings),
    )
