"""What a client sees when it asks something wrong, too much, or while Neo4j is down:
a coded GraphQL error that says what is wrong, never a 500 or a stack trace."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings
from tests.conftest import free_port

Ask = Callable[..., dict[str, Any]]


def _error(body: dict[str, Any]) -> tuple[str, str]:
    [error] = body["errors"]
    return error["extensions"]["code"], error["message"]


@pytest.mark.parametrize(
    ("query", "code", "message"),
    [
        (
            '{ organization(id: "organization:nobody") { id } }',
            "NOT_FOUND",
            "nothing on the map has the id 'organization:nobody'",
        ),
        (
            '{ organization(id: "country:ARG") { id } }',
            "BAD_USER_INPUT",
            "id: 'country:ARG' is a country id; expected a organization id",
        ),
        ('{ node(id: "ilo") { id } }', "BAD_USER_INPUT", "id: 'ilo' is not a map id"),
        ('{ country(iso3: "XYZ") { id } }', "BAD_USER_INPUT", "iso3: 'XYZ' is not an ISO 3166"),
        ('{ sdgTarget(code: "8.99") { id } }', "NOT_FOUND", "'sdg-target:8.99'"),
        (
            '{ initiatives(filter: {country: "Narnia"}) { totalCount } }',
            "BAD_USER_INPUT",
            "country: 'Narnia' is not an ISO 3166 country code",
        ),
        (
            '{ initiatives(filter: {theme: "theme:knitting"}) { totalCount } }',
            "BAD_USER_INPUT",
            "theme: 'theme:knitting' is not on the map",
        ),
        (
            '{ organizations(filter: {region: "region:atlantis"}) { totalCount } }',
            "BAD_USER_INPUT",
            "region: 'region:atlantis' is not on the map",
        ),
        (
            '{ whoIsDoingWhatWhere(where: {actionGroup: "organization:ilo"}) { totalCount } }',
            "BAD_USER_INPUT",
            "actionGroup: 'organization:ilo' is a organization id",
        ),
        (
            "{ organizations(first: 1000) { totalCount } }",
            "BAD_USER_INPUT",
            "'first' must be between 1 and 100",
        ),
        (
            '{ organizations(after: "not-a-cursor") { totalCount } }',
            "BAD_USER_INPUT",
            "'after' is not a cursor this API gave out",
        ),
        ("{ sdgTargets(goal: 18) { code } }", "BAD_USER_INPUT", "there are 17 SDGs"),
        ('{ regions(scheme: "Continent") { id } }', "BAD_USER_INPUT", "scheme: 'Continent'"),
        ('{ search(text: "  ") { id } }', "BAD_USER_INPUT", "at least one word"),
        (
            '{ graph(focus: "organization:ilo", depth: 9) { truncated } }',
            "BAD_USER_INPUT",
            "depth: must be between 0 and 3",
        ),
        (
            '{ graph(focus: "organization:ilo", filter: {kinds: ["planet"]}) { truncated } }',
            "BAD_USER_INPUT",
            "filter.kinds: unknown ['planet']",
        ),
        (
            '{ graph(focus: "organization:ilo", filter: {theme: "child-labour"}) { truncated } }',
            "BAD_USER_INPUT",
            "filter.theme: narrows the whole-map drawing",
        ),
        (
            '{ graph(filter: {region: "region:atlantis"}) { truncated } }',
            "BAD_USER_INPUT",
            "'region:atlantis' is not on the map",
        ),
        (
            "{ organizations(filter: {type: SPACE_AGENCY}) { totalCount } }",
            "GRAPHQL_VALIDATION_FAILED",
            "SPACE_AGENCY",
        ),
    ],
)
def test_bad_requests_get_clear_coded_errors(gql: Ask, query: str, code: str, message: str) -> None:
    body = gql(query)
    # No data: null, or, for Relay's nullable `node`, the field itself null.
    assert body["data"] is None or body["data"] == {"node": None}
    assert _error(body)[0] == code
    assert message in _error(body)[1]


def test_an_over_deep_query_is_refused_before_it_runs(gql: Ask) -> None:
    deep = """{ organization(id: "organization:ilo") { initiatives { initiative { participants {
      organization { initiatives { initiative { participants { organization {
        initiatives { initiative { participants { organization { id } } } } } } } } } } } } } }"""
    body = gql(deep)
    code, message = _error(body)
    assert code == "GRAPHQL_VALIDATION_FAILED"
    assert "exceeds maximum operation depth" in message
    assert body["extensions"]["cypherRoundTrips"] == 0


def test_too_many_aliases_are_refused(gql: Ask) -> None:
    aliases = " ".join(f"a{i}: themes {{ id }}" for i in range(40))
    code, message = _error(gql(f"{{ {aliases} }}"))
    assert code == "GRAPHQL_VALIDATION_FAILED"
    assert "aliases" in message.lower()


@pytest.fixture(scope="module")
def client_without_database(neo4j_settings: Settings) -> Iterator[TestClient]:
    down = neo4j_settings.model_copy(
        update={
            "neo4j_uri": f"bolt://127.0.0.1:{free_port()}",
            "neo4j_connection_timeout_s": 2.0,
        }
    )
    with TestClient(create_app(down), raise_server_exceptions=False) as client:
        yield client


def test_database_down_is_a_clear_error_not_a_stack_trace(
    client_without_database: TestClient,
) -> None:
    response = client_without_database.post("/graphql", json={"query": "{ themes { id } }"})
    assert response.status_code == 200
    code, message = _error(response.json())
    assert code == "DATABASE_UNAVAILABLE"
    assert message == "the map's database is unavailable; try again shortly"
    assert "Traceback" not in response.text


def test_database_down_fails_readiness_but_not_liveness(
    client_without_database: TestClient,
) -> None:
    ready = client_without_database.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["status"] == "unavailable"
    assert client_without_database.get("/healthz").json() == {"status": "ok"}


def test_readiness_with_the_database_up(client: TestClient) -> None:
    assert client.get("/readyz").json() == {"status": "ready"}


@pytest.mark.parametrize(
    ("query", "variables", "named"),
    [
        # A date typed with a five-digit year, as into the commitments view's date field.
        (
            "query($on: Date) { commitments(filter: {overdueOn: $on}) { totalCount } }",
            {"on": "12019-01-01"},
            "$on",
        ),
        ("query($on: Date) { overlaps(asOf: $on) { score } }", {"on": "-0001-01-01"}, "$on"),
        ("query($n: Int!) { organizations(first: $n) { totalCount } }", {"n": 10**12}, "$n"),
        (
            "query { indicators { values(fromYear: -5) { value } } }",
            {},
            "fromYear",
        ),
        (
            "query { indicators { values(toYear: 99999) { value } } }",
            {},
            "toYear",
        ),
        ("query { organizations(first: 2147483647) { totalCount } }", {}, "first"),
    ],
)
def test_values_out_of_range_are_bad_input_naming_the_argument(
    client: TestClient, query: str, variables: dict[str, Any], named: str
) -> None:
    response = client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200
    errors = response.json()["errors"]
    assert {e["extensions"]["code"] for e in errors} <= {
        "BAD_USER_INPUT",
        "GRAPHQL_VALIDATION_FAILED",
    }, errors
    assert any(named in e["message"] for e in errors), errors
