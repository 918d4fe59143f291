"""A nested query costs a fixed number of Cypher round trips however many rows it returns
and however many kinds of link it asks for: one per root field and one per level of
links, never one per row or per kind of link."""

from collections.abc import Callable
from typing import Any

from service.config import PROJECT_ROOT
from service.seed.loader import prepare

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
    many, many_rows = _round_trips(gql, 34)
    assert (few_rows, many_rows) == (1, 34)
    # 1 page + 1 for the first level of links (citations, group memberships, initiative
    # roles) + 1 for the second level's links (the groups' chairs) + 1 compiled statement
    # for the initiatives' whole subtree (places, themes, participants) = 4, whatever the
    # number of rows.
    assert few == many == 4


DEEP = """{ initiatives(first: 50) { edges { node { id
  participants { organization { id initiatives { initiative { id
    themes { id } operatesIn { ... on Country { id } ... on Region { id } }
    participants { organization { id sources { section } } } } } } }
  themes { id } sdgTargets { code } coordinatedBy { id } events { id } sources { note } } } } }"""


def test_a_deep_query_costs_one_statement_per_level(gql: Ask) -> None:
    body = gql(DEEP)
    assert "errors" not in body, body.get("errors")
    seeded = [n for n in prepare(PROJECT_ROOT / "seed").nodes if n.kind == "initiative"]
    assert len(body["data"]["initiatives"]["edges"]) == len(seeded)
    # Four levels of links below the page, every field of them in the compiler's table:
    # the page, and one compiled statement for the initiatives' whole subtree.
    assert body["extensions"]["cypherRoundTrips"] == 2
