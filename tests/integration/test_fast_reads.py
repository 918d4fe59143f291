"""The lean executor for reads answered before (service/api/graphql/fast_reads.py) gives,
byte for byte, the answer strawberry gives, and leaves to strawberry what it does not take
on: errors, mutations and introspection."""

from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from graphql import GraphQLList, GraphQLNonNull, GraphQLSchema, GraphQLUnionType

from service.api.app import create_app
from service.api.graphql import projection
from service.api.graphql.fast_reads import FastReads
from service.config import Settings

QUESTIONS = {
    "initiatives on a theme in a country, nested (peer Q1)": """{
  initiatives(filter: { theme: "theme:forced-labour", country: "country:IND" }, first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id name status
      participants { role organization { id name } }
      operatesIn { ... on Country { id name } ... on Region { id name } }
      themes { id name }
      sdgTargets { id code }
    } }
  }
}""",
    "organizations with their initiatives and places (peer Q2)": """{
  organizations(first: 50) {
    totalCount
    edges { node {
      id name
      initiatives { role initiative { id name operatesIn { ... on Country { id name } } } }
    } }
  }
}""",
    "one initiative and everything around it (peer Q3)": """{
  initiative(id: "initiative:knowledge-platform") {
    id name description status start end
    participants { role funding { currency } organization { id name acronym type } }
    operatesIn { ... on Country { id name iso3 } ... on Region { id name } }
    themes { id name } sdgTargets { id code name }
    coordinatedBy { id name } events { id name }
    sources { section note basis source { id title } }
  }
}""",
    "fragments, aliases, interfaces and __typename": """
query Around {
  ilo: organization(id: "organization:ilo") { ...Named acronym
    relationships(types: ["MEMBER_OF", "CHAIRS"]) { type outgoing node { __typename ...Named } provenance { section } }
  }
  gcg: node(id: "action-group:global-coordinating-group") { __typename ...Named ... on ActionGroup { members { role organization { id } } } }
}
fragment Named on Node { id name kind version }""",
    "an analysis": """{
  whoIsDoingWhatWhere(where: { theme: "theme:child-labour", country: "ARG" }, first: 5) {
    totalCount edges { node { organization { id } organizationRecorded role initiative { id }
      places { ... on Country { id } } matched matchedVia } }
  }
}""",
}


@pytest.fixture(scope="module")
def strawberry_only(seeded: Settings) -> Iterator[TestClient]:
    """The same service with the fast way off: every answer is strawberry's."""
    with TestClient(create_app(seeded.model_copy(update={"graphql_fast_reads": False}))) as c:
        yield c


def _fast(client: TestClient) -> FastReads:
    fast = client.app.state.fast_reads  # type: ignore[attr-defined]
    assert isinstance(fast, FastReads)
    return fast


def _post(client: TestClient, query: str, **variables: Any) -> dict[str, Any]:
    response = client.post("/graphql", json={"query": query, "variables": variables or None})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _same(fast: dict[str, Any], slow: dict[str, Any]) -> None:
    """The same data, keys in the same order (orjson keeps the order it is given)."""
    assert "errors" not in slow, slow
    assert orjson.dumps(fast["data"]) == orjson.dumps(slow["data"])


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_a_read_goes_the_fast_way_with_strawberrys_answer(
    client: TestClient, strawberry_only: TestClient, question: str
) -> None:
    query = QUESTIONS[question]
    fast = _fast(client)
    fast.forget()
    answered = fast.answered
    first, again = _post(client, query), _post(client, query)
    # Kept on its first answer and answered again the fast way, the second time too.
    assert fast.answered == answered + 2
    _same(first, _post(strawberry_only, query))
    # The same again (with two root fields, how a level's loads meet in statements may
    # differ between requests, so the round trips reported are not compared).
    _same(again, first)


def test_a_deep_question_costs_one_statement_per_record_level(client: TestClient) -> None:
    """Organizations with their initiatives, those initiatives' places and citations and
    their regions: however deep, the page and one compiled statement."""
    query = """{ organizations(first: 40) { edges { node { id
      initiatives { role initiative { id themes { id } sources { section source { id } }
        operatesIn { ... on Country { id regions { id } } ... on Region { id } } } } } } } }"""
    body = _post(client, query)
    assert "errors" not in body
    assert body["extensions"]["cypherRoundTrips"] == 2


def test_new_variables_get_the_answer_strawberry_gives_for_them(
    client: TestClient, strawberry_only: TestClient
) -> None:
    query = """query Page($theme: String, $first: Int!) {
      initiatives(filter: { theme: $theme }, first: $first) { totalCount edges { node { id themes { id } } } }
    }"""
    fast = _fast(client)
    fast.forget()
    _post(client, query, theme="theme:forced-labour", first=3)
    answered = fast.answered
    quick = _post(client, query, theme="theme:child-labour", first=7)
    assert fast.answered == answered + 1
    _same(quick, _post(strawberry_only, query, theme="theme:child-labour", first=7))


def test_an_error_is_answered_by_strawberry_with_its_code(client: TestClient) -> None:
    query = "query One($id: ID!) { initiative(id: $id) { id name themes { id } } }"
    fast = _fast(client)
    fast.forget()
    _post(client, query, id="initiative:knowledge-platform")
    answered = fast.answered
    body = _post(client, query, id="initiative:not-on-the-map")
    assert fast.answered == answered
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_introspection_and_mutations_are_never_kept(client: TestClient) -> None:
    fast = _fast(client)
    fast.forget()
    introspection = "{ __schema { queryType { name } } }"
    answered = fast.answered
    assert _post(client, introspection) == _post(client, introspection)
    assert fast.answered == answered


def _all_fields(type_name: str) -> str:
    """Every field the compiler's table gives the type, so a field added there is compared
    here too."""
    return " ".join([*projection._COMMON, *projection._FIELDS[type_name]])


def test_every_compiled_field_is_strawberrys_answer(
    client: TestClient, strawberry_only: TestClient
) -> None:
    query = f"""{{ initiatives(first: 100) {{ edges {{ node {{ {_all_fields("Initiative")}
      participants {{ role organization {{ {_all_fields("Organization")}
        basedIn {{ {_all_fields("Country")} }} }} initiative {{ id }} }}
      operatesIn {{ __typename ... on Country {{ {_all_fields("Country")} regions {{ {_all_fields("Region")} }} }}
                    ... on Region {{ {_all_fields("Region")} }} }}
      themes {{ {_all_fields("Theme")} }}
      sdgTargets {{ {_all_fields("SdgTarget")} }}
      coordinatedBy {{ {_all_fields("ActionGroup")} }}
      endorsedBy {{ id }}
      events {{ {_all_fields("Event")} }}
      sources {{ section note basis inferredFrom source {{ {_all_fields("Source")} }} }}
    }} }} }} }}"""
    fast = _fast(client)
    fast.forget()
    answer = _post(client, query)
    assert any(plan is not None for plan in fast.projections._plans.values())  # compiled
    assert answer["extensions"]["cypherRoundTrips"] == 2
    _same(answer, _post(strawberry_only, query))


# A root field that reaches records of each type the compiler takes on, "X" their selection.
_REACHED = {
    "Organization": "organizations(first: 100) { edges { node X } }",
    "Initiative": "initiatives(first: 100) { edges { node X } }",
    "Source": "sources(first: 100) { edges { node X } }",
    "ActionGroup": "actionGroups X",
    "Country": "countries X",
    "Region": "regions X",
    "SdgTarget": "sdgTargets X",
    "Event": "events X",
    "Theme": "initiatives(first: 100) { edges { node { id themes X } } }",
    "Sdg": "initiatives(first: 100) { edges { node { id themes { id sdgs X } } } }",
}


def _far_selection(schema: GraphQLSchema, type_name: str, field: str) -> str:
    """Every table field of the records a relationship field lists, for each type it may be."""
    far = schema.get_type(type_name).fields[field].type  # type: ignore[union-attr]
    while isinstance(far, GraphQLNonNull | GraphQLList):
        far = far.of_type
    if isinstance(far, GraphQLUnionType):
        cases = " ".join(f"... on {m.name} {{ {_table_fields(m.name)} }}" for m in far.types)
        return f"{{ __typename {cases} }}"
    return f"{{ {_table_fields(far.name)} }}"


def _table_fields(type_name: str) -> str:
    return " ".join([*projection._COMMON, *projection._FIELDS.get(type_name, {})])


@pytest.mark.parametrize("type_name", list(_REACHED))
def test_every_compiled_relationship_side_is_strawberrys_answer(
    client: TestClient, strawberry_only: TestClient, type_name: str
) -> None:
    """Each type's own fields and every relationship side the table compiles for it (made
    from the model's declarations), against strawberry's answer."""
    fast = _fast(client)
    schema = fast._schema
    relations = [
        f"{field} {_far_selection(schema, type_name, field)}"
        for (on, field), relation in projection._RELATIONS.items()
        if on == type_name and relation.wrap == "node"
    ]
    selection = "{ " + " ".join([_table_fields(type_name), *relations]) + " }"
    query = "{ " + _REACHED[type_name].replace("X", selection) + " }"
    fast.forget()
    first, again = _post(client, query), _post(client, query)
    if relations:
        assert any(plan is not None for plan in fast.projections._plans.values())  # compiled
    _same(first, _post(strawberry_only, query))
    _same(again, first)
