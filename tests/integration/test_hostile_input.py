"""Inputs a tester used to end requests in a 500: each now gets a client error that names
what is wrong, and nothing is written. Run against the real Neo4j over HTTP."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings
from service.db.driver import Database
from service.editing import keys
from service.interchange.rows import columns
from tests.conftest import run_db

ORG_HEADER = ",".join(columns("organization"))
CITE = "source:gcg-2017-report,In attendance,Test row."


def _org_row(key: str, name: str, extra: str = "") -> str:
    cells = {"id": f"organization:{key}", "name": name, "type": "ngo"}
    row = [cells.get(c, "") for c in columns("organization")[:-3]]
    return ",".join(row) + "," + CITE + extra


@pytest.fixture(scope="module")
def editor(seeded: Settings) -> dict[str, str]:
    async def make(db: Database) -> str:
        return (await keys.create_key(db, "test-hostile", "editor"))[1]

    return {"Authorization": f"Bearer {run_db(seeded, make)}"}


def _map_size(client: TestClient) -> int:
    body = client.post("/graphql", json={"query": "{ organizations { totalCount } }"}).json()
    return int(body["data"]["organizations"]["totalCount"])


@pytest.mark.parametrize(
    ("name", "data", "where", "reason"),
    [
        (
            "organizations.csv",
            f"{ORG_HEADER}\n{_org_row('test-long', 'A' * 140_000)}\n".encode(),
            "line 2",
            "a cell longer than 131,072 characters",
        ),
        ("map.json", b"[" * 100_000 + b"]" * 100_000, "line 1", "nested more than 1,024 levels"),
        (
            "organizations.csv",
            f"{ORG_HEADER}\n{_org_row('test-extra', 'Extra cells', ',one,two')}\n".encode(),
            "row 2",
            "cells, but the header has",
        ),
        (
            "organizations.csv",
            (ORG_HEADER + "\n" + _org_row("test-nul", "Nul\x00Org") + "\n").encode(),
            "row 2",
            "control character U+0000",
        ),
        (
            "map.json",
            b'{"organizations": [{"id": "organization:test-bell", "name": "Bell\\u0007", '
            b'"type": "ngo", "source": "source:gcg-2017-report", "note": "Test row."}]}',
            "organizations[0]",
            "control character U+0007",
        ),
    ],
)
def test_a_hostile_import_is_refused_naming_file_and_row(
    client: TestClient, editor: dict[str, str], name: str, data: bytes, where: str, reason: str
) -> None:
    before = _map_size(client)
    response = client.post("/import", files=[("files", (name, data))], headers=editor)
    assert response.status_code == 422, response.text[:300]
    [problem] = response.json()["problems"]
    assert (problem["file"], problem["row"]) == (name, where)
    assert reason in problem["reason"]
    assert _map_size(client) == before


def test_graphql_bodies_too_large_or_too_deep_are_refused(client: TestClient) -> None:
    query = "{ organizations { totalCount } }"
    deep = '{"query": "' + query + '", "variables": {"x": ' + "[" * 100_000 + "]" * 100_000 + "}}"
    refused = client.post(
        "/graphql", content=deep.encode(), headers={"Content-Type": "application/json"}
    )
    assert refused.status_code == 400
    assert "1,024 levels" in refused.text
    huge = {"query": query, "variables": {f"v{i}": i for i in range(200_000)}}
    too_large = client.post("/graphql", json=huge)
    assert too_large.status_code == 413
    assert "over 1,000,000 bytes" in too_large.json()["detail"]
    # A body streamed without a length is counted as it arrives.
    chunks = (b'{"query": "' + b" " * 100_000 + b'"}' for _ in range(20))
    streamed = client.post("/graphql", content=chunks, headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413


def test_the_graphql_body_limit_is_a_setting(seeded: Settings) -> None:
    small = seeded.model_copy(update={"graphql_max_bytes": 2_000})
    with TestClient(create_app(small)) as client:
        body = {"query": "{ organizations { totalCount } }", "variables": {"pad": "x" * 3_000}}
        assert client.post("/graphql", json=body).status_code == 413
        assert client.post("/graphql", json={"query": body["query"]}).status_code == 200


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a" * 5_000, "search takes at most 500"),
        ("child " + "x" * 300, "a word of 300 characters"),
    ],
)
def test_search_text_over_the_limits_names_the_argument(
    client: TestClient, text: str, reason: str
) -> None:
    query = "query($t: String!) { search(text: $t) { id } }"
    body = client.post("/graphql", json={"query": query, "variables": {"t": text}}).json()
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"].startswith("text: ")
    assert reason in error["message"]


def test_control_characters_in_a_mutation_are_refused_naming_the_field(
    client: TestClient, editor: dict[str, str]
) -> None:
    mutation = """mutation($input: OrganizationInput!) {
      createOrganization(input: $input, confirmNew: true) { organization { id } }
    }"""
    given: dict[str, Any] = {
        "key": "test-control",
        "name": "Tab\tis fine, NUL\x00 is not",
        "type": "NGO",
        "cited": [{"source": "source:gcg-2017-report", "note": "Test row."}],
    }
    body = client.post(
        "/graphql", json={"query": mutation, "variables": {"input": given}}, headers=editor
    ).json()
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["problems"] == [
        {"field": "name", "reason": "contains the control character U+0000; remove it"}
    ]


@pytest.fixture(scope="module", autouse=True)
def _nothing_left(seeded: Settings) -> Iterator[None]:
    yield

    async def count(db: Database) -> int:
        rows = await db.read("nodes/by_ids", ids=["organization:test-control"])
        return len(rows)

    assert run_db(seeded, count) == 0
