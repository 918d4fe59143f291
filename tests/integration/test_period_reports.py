"""Partners' own figures per reporting period, against the real Neo4j: a partner's key
reports people targeted and reached, money spent and an indicator's observed value for an
initiative its organization takes part in, and for no other; the figures show on the
initiative and the indicator; a closed period is locked against edits, by GraphQL and by
import, until an admin reopens it, which its history records."""

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.editing import keys
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
PARTNER = "organization:walk-free-foundation"
# The partner's own quarterly report, which it records as a source first.
SOURCE = "source:walk-free-quarterly-test"
CITED = [{"source": SOURCE, "note": "Figures reported for a test."}]
CREATE = """mutation($input: PeriodReportInput!) {
  createPeriodReport(input: $input) { id version closed peopleReached } }"""
UPDATE = """mutation($id: ID!, $version: Int!, $input: PeriodReportInput!) {
  updatePeriodReport(id: $id, version: $version, input: $input) { id version closed } }"""
SHOWN = """query($id: ID!) { initiative(id: $id) { periodReports {
  id periodStart periodEnd peopleTargeted peopleReached funding currency observedValue closed
  indicator { id } sources { source { id } } } } }"""


def _token(seeded: Settings, role: str, organization: str | None = None) -> str:
    name = f"reports-{role}-{uuid.uuid4().hex[:8]}"
    return run_db(seeded, lambda db: keys.create_key(db, name, role, organization))[1]


@pytest.fixture(scope="module")
def keys_for(seeded: Settings, client: TestClient) -> Iterator[dict[str, str]]:
    made = {"partner": _token(seeded, "editor", PARTNER), "admin": _token(seeded, "admin")}
    source = client.post(
        "/graphql",
        json={
            "query": "mutation($input: SourceInput!) { createSource(input: $input) { id } }",
            "variables": {
                "input": {"title": "Quarterly report (test)", "key": SOURCE.split(":")[1]}
            },
        },
        headers={"Authorization": f"Bearer {made['partner']}"},
    ).json()
    assert source["data"]["createSource"]["id"] == SOURCE, source
    yield made
    reseed(seeded)


@pytest.fixture(scope="module")
def its_initiative(seeded: Settings, client: TestClient) -> str:
    """An initiative the partner's organization takes part in, read from the map."""
    query = "query($id: ID!) { organization(id: $id) { initiatives { initiative { id } } } }"
    body = client.post("/graphql", json={"query": query, "variables": {"id": PARTNER}}).json()
    found = [i["initiative"]["id"] for i in body["data"]["organization"]["initiatives"]]
    assert found, f"the seed gives {PARTNER} a part in some initiative"
    return str(found[0])


def _others(client: TestClient, its: str) -> str:
    """An initiative the partner takes no part in."""
    body = client.post(
        "/graphql",
        json={
            "query": "{ initiatives(first: 50) { edges { node { id participants { organization { id } } } } } }"
        },
    ).json()
    for edge in body["data"]["initiatives"]["edges"]:
        node = edge["node"]
        if node["id"] != its and PARTNER not in {
            p["organization"]["id"] for p in node["participants"]
        }:
            return str(node["id"])
    raise AssertionError("every initiative has the partner in it")


def _report(initiative: str, **more: Any) -> dict[str, Any]:
    return {
        "initiative": initiative,
        "periodStart": "2026-01-01",
        "periodEnd": "2026-03-31",
        "peopleTargeted": 1200,
        "peopleReached": 950,
        "funding": 48000.5,
        "currency": "USD",
        "indicator": "indicator:modern-slavery-prevalence",
        "observedValue": 6.3,
        "cited": CITED,
        **more,
    }


def test_a_partner_reports_for_its_own_initiative_only(
    as_key: Callable[[str | None], Ask],
    keys_for: dict[str, str],
    its_initiative: str,
    client: TestClient,
) -> None:
    partner = as_key(keys_for["partner"])
    made = partner(CREATE, input=_report(its_initiative))
    assert "errors" not in made, made
    report = made["data"]["createPeriodReport"]
    assert report["closed"] is False
    shown = partner(SHOWN, id=its_initiative)["data"]["initiative"]["periodReports"]
    [mine] = [r for r in shown if r["id"] == report["id"]]
    assert mine["peopleReached"] == 950
    assert mine["funding"] == 48000.5
    assert mine["currency"] == "USD"
    assert mine["observedValue"] == 6.3
    assert mine["indicator"]["id"] == "indicator:modern-slavery-prevalence"
    assert [s["source"]["id"] for s in mine["sources"]] == [SOURCE]
    refused = partner(CREATE, input=_report(_others(client, its_initiative)))
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "has no rights over initiative:" in refused["errors"][0]["message"]


def test_figures_that_do_not_go_together_are_refused_by_field(
    as_key: Callable[[str | None], Ask], keys_for: dict[str, str], its_initiative: str
) -> None:
    partner = as_key(keys_for["partner"])
    cases = {
        "currency": _report(its_initiative, currency=None, periodStart="2025-01-01"),
        "indicator": _report(its_initiative, indicator=None, periodStart="2025-02-01"),
        "periodEnd": _report(its_initiative, periodStart="2026-05-01", periodEnd="2026-04-01"),
        "peopleReached": _report(its_initiative, peopleReached=-1, periodStart="2025-03-01"),
    }
    for field, given in cases.items():
        body = partner(CREATE, input=given)
        problems = body["errors"][0]["extensions"].get("problems", [])
        assert field in {p["field"] for p in problems}, (field, body["errors"])


def test_a_closed_period_is_locked_until_an_admin_reopens_it(
    as_key: Callable[[str | None], Ask], keys_for: dict[str, str], its_initiative: str
) -> None:
    partner, admin = as_key(keys_for["partner"]), as_key(keys_for["admin"])
    given = _report(its_initiative, periodStart="2025-10-01", periodEnd="2025-12-31")
    report = partner(CREATE, input=given)["data"]["createPeriodReport"]
    closing = partner(
        UPDATE, id=report["id"], version=report["version"], input={**given, "closed": True}
    )
    assert "errors" not in closing, closing
    closed = closing["data"]["updatePeriodReport"]
    late = partner(
        UPDATE, id=report["id"], version=closed["version"], input={**given, "peopleReached": 1}
    )
    assert late["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "closed" in late["errors"][0]["message"]
    retire = partner(
        "mutation($id: ID!, $v: Int!) { retire(id: $id, version: $v) { id } }",
        id=report["id"],
        v=closed["version"],
    )
    assert retire["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    reopened = admin(
        UPDATE, id=report["id"], version=closed["version"], input={**given, "closed": False}
    )
    assert "errors" not in reopened, reopened
    history = admin(
        "query($id: ID!) { history(id: $id, first: 5) { action actor role changedFields } }",
        id=report["id"],
    )["data"]["history"]
    assert history[0]["role"] == "admin"
    assert "closed" in history[0]["changedFields"]
    assert history[1]["role"] == "editor"
    # Reopened, the partner may correct its figures again.
    fixed = partner(
        UPDATE,
        id=report["id"],
        version=reopened["data"]["updatePeriodReport"]["version"],
        input={**given, "peopleReached": 990},
    )
    assert "errors" not in fixed, fixed


def test_an_import_may_not_change_a_closed_period(
    as_key: Callable[[str | None], Ask],
    keys_for: dict[str, str],
    its_initiative: str,
    client: TestClient,
) -> None:
    partner = as_key(keys_for["partner"])
    given = _report(its_initiative, periodStart="2024-01-01", periodEnd="2024-12-31", closed=True)
    report = partner(CREATE, input=given)["data"]["createPeriodReport"]
    exported = client.get("/export?format=json").json()
    [row] = [r for r in exported["period_reports"] if r["id"] == report["id"]]
    row["people_reached"] = 5
    sent = client.post(
        "/import",
        files=[("files", ("period_reports.json", _json({"period_reports": [row]})))],
        headers={"Authorization": f"Bearer {keys_for['partner']}"},
    )
    assert sent.status_code == 422, sent.text
    assert any("closed" in p["reason"] for p in sent.json()["problems"])


def _json(value: Any) -> bytes:
    import json

    return json.dumps(value).encode()
