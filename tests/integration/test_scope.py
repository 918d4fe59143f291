"""A partner's key (scoped to its organization) imports its own rows, against the real
Neo4j: the rows of its own work go in; a row naming another organization's work, funding
or record is left out, naming the row and why; and nothing it may not write reaches the
map, on a preview or an import (service/interchange/scope.py)."""

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.editing import keys
from tests.conftest import run_db

PARTNER = "organization:walk-free-foundation"
INITIATIVES = """query($country: String!) {
  initiatives(filter: {country: $country}, first: 100) {
    edges { node { name participants { role organization { id } } } }
  }
}"""


@pytest.fixture(scope="module")
def partner(seeded: Settings) -> dict[str, str]:
    name = f"scope-partner-{uuid.uuid4().hex[:8]}"
    token = run_db(seeded, lambda db: keys.create_key(db, name, "editor", PARTNER))[1]
    return {"Authorization": f"Bearer {token}"}


def _sheet(tag: str) -> bytes:
    """Three rows in Nepal: two of the partner's own work (one funded by another
    organization), one of another organization's."""
    return (
        "Organization,Funder,Activity,Country\n"
        "#org,#org+funder,#activity,#country\n"
        f"Walk Free Foundation,,Brick kiln survey {tag},NPL\n"
        f"Walk Free Foundation,Scope Test Donor {tag},Survivor helpline {tag},NPL\n"
        f"International Labour Organization,,Labour inspection {tag},NPL\n"
    ).encode()


def _import(client: TestClient, auth: dict[str, str], data: bytes, dry: bool) -> dict[str, Any]:
    files = [("files", ("partner-3w.csv", data))]
    answer = client.post(f"/import?dryRun={str(dry).lower()}", files=files, headers=auth)
    assert answer.status_code == 200, answer.text
    report: dict[str, Any] = answer.json()
    return report


def _mine(client: TestClient, tag: str) -> dict[str, dict[str, Any]]:
    body = client.post(
        "/graphql", json={"query": INITIATIVES, "variables": {"country": "NPL"}}
    ).json()
    nodes = [e["node"] for e in body["data"]["initiatives"]["edges"]]
    return {n["name"]: n for n in nodes if tag in n["name"]}


def test_a_partner_imports_its_own_rows_and_only_those(
    client: TestClient, partner: dict[str, str]
) -> None:
    tag = uuid.uuid4().hex[:6]
    preview = _import(client, partner, _sheet(tag), dry=True)
    done = _import(client, partner, _sheet(tag), dry=False)
    assert done == preview
    skipped = {(s["row"], s["reason"]) for s in done["skipped"]}
    # Row 5, another organization's work: its new initiative and its lead are left out.
    on_row_5 = [reason for row, reason in skipped if row.endswith("row 5")]
    assert on_row_5, skipped
    assert any(f"gives {PARTNER} no role in it" in r for r in on_row_5), on_row_5
    # Row 4's funder: a new organization and a funding in its name are both left out.
    on_row_4 = [reason for row, reason in skipped if row.endswith("row 4")]
    assert any("FUNDS speaks for" in r for r in on_row_4), on_row_4
    assert not any(row.endswith("row 3") for row, _ in skipped), skipped
    made = _mine(client, tag)
    assert set(made) == {f"Brick kiln survey {tag}", f"Survivor helpline {tag}"}
    for initiative in made.values():
        roles = {(p["role"], p["organization"]["id"]) for p in initiative["participants"]}
        assert roles == {("LEADS", PARTNER)}


def test_a_partner_cannot_change_another_organization_through_the_maps_own_csv(
    client: TestClient, partner: dict[str, str]
) -> None:
    before = client.post(
        "/graphql", json={"query": '{ node(id: "organization:ilo") { name version } }'}
    ).json()["data"]["node"]
    rows = (
        b"id,name,source,section,note\n"
        b"organization:ilo,Renamed by a partner,source:gcg-2017-report,Agenda,Renamed.\n"
    )
    files = [("files", ("organizations.csv", rows))]
    answer = client.post("/import", files=files, headers=partner)
    # Nothing passes, so the import is refused whole, naming the row and why.
    assert answer.status_code == 422, answer.text
    assert "may not change it" in answer.text
    after = client.post(
        "/graphql", json={"query": '{ node(id: "organization:ilo") { name version } }'}
    ).json()["data"]["node"]
    assert after == before
