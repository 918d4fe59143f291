"""The key and history commands, against the real Neo4j: a key made with the CLI opens the
API, a revoked one no longer does, and `history` prints what was changed and by whom."""

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from service.cli import app

CREATE = """mutation { createSource(input: {key: "cli-test-source", title: "CLI test source"})
  { id } }"""


def _post(client: TestClient, token: str) -> dict[str, object]:
    response = client.post(
        "/graphql", json={"query": CREATE}, headers={"Authorization": f"Bearer {token}"}
    )
    body: dict[str, object] = response.json()
    return body


def test_a_key_is_created_used_listed_and_revoked(cli_env: None, client: TestClient) -> None:
    runner = CliRunner()
    made = runner.invoke(app, ["keys", "create", "cli-editor", "--role", "editor"])
    assert made.exit_code == 0, made.output
    token = made.output.strip().splitlines()[-1]
    assert token.startswith("a87_")
    assert _post(client, token)["data"] == {"createSource": {"id": "source:cli-test-source"}}

    listed = runner.invoke(app, ["keys", "list"])
    assert "cli-editor" in listed.output
    assert token not in listed.output

    history = runner.invoke(app, ["history", "source:cli-test-source", "--json"])
    assert history.exit_code == 0, history.output
    [event] = json.loads(history.output)
    assert (event["action"], event["actor"], event["role"]) == ("create", "cli-editor", "editor")

    assert runner.invoke(app, ["keys", "revoke", "cli-editor"]).exit_code == 0
    refused = _post(client, token)
    assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # type: ignore[index]
    assert runner.invoke(app, ["keys", "revoke", "cli-editor"]).exit_code == 1


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["cli-admin", "--role", "admin", "--organization", "organization:ilo"],
            "cannot be scoped",
        ),
        (
            ["cli-reader", "--role", "reader", "--organization", "organization:ilo"],
            "cannot be scoped",
        ),
        (["cli-x", "--role", "owner"], "is not a role"),
        (["cli-y", "--organization", "organization:nobody"], "nothing on the map has the id"),
        (["Bad Name!"], "must be 2-63 lower-case"),
    ],
)
def test_bad_key_requests_are_refused_with_the_reason(
    cli_env: None, arguments: list[str], message: str
) -> None:
    result = CliRunner().invoke(app, ["keys", "create", *arguments])
    assert result.exit_code == 1
    assert message in result.output
