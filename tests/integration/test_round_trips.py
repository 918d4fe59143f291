"""A nested query costs a fixed number of Cypher round trips however many rows it returns:
one per root field and one per kind of link per level, never one per row."""

from collections.abc import Callable
from typing import Any

Ask = Callable[..., dict[str, Any]]

NESTED = """query($first: Int, $filter: OrganizationFilter) {
 organizations(first: $first, filter: $filter) { edges { node {
  id sources { section }
  actionGroups { actionGroup { id chairs { organization { id } } } }
  initiatives { initiative { id operatesIn { ... on Region { id } ... on Country { iso3 } }
                             themes { id } participants { organization { id } } } } } } } }"""


def _round_trips(ask: Ask, first: int, **given: str) -> tuple[int, int]:
    body = ask(NESTED, first=first, filter=given)
    assert "errors" not in body, body.get("errors")
    return body["extensions"]["cypherRoundTrips"], len(body["data"]["organizations"]["edges"])


def test_round_trips_do_not_grow_with_rows(gql: Ask) -> None:
    # The ILO has rows at every level, so each level's loaders run for it too.
    few, few_rows = _round_trips(gql, 1, text="International Labour")
    many, many_rows = _round_trips(gql, 35)
    assert (few_rows, many_rows) == (1, 35)
    # 1 page + citations + group memberships + their chairs + initiative roles
    # + places + themes + participants = 8, whatever the number of rows.
    assert few == many == 8
