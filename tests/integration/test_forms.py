"""`editForm` against the real Neo4j: the form of a record of every kind editors change,
sent back unchanged through the mutation it names, saves and leaves the record as it was
(the form is the record, field for field); and a form says who may save it by the rules the
save applies: nobody signed out, and a partner only its own records
(service/interchange/forms.py)."""

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from service.config import Settings
from service.editing import keys
from service.model.ids import kind_of
from service.model.kinds import EDITED_KINDS
from service.seed.graph import SeedGraph
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
FORM = """query($id: ID!) { editForm(id: $id) {
  version maySave whyNot mutation inputType fields { name value } } }"""
HISTORY = "query($id: ID!) { history(id: $id, first: 1) { action changedFields } }"
PARTNER = "organization:walk-free-foundation"


def _token(seeded: Settings, role: str, organization: str | None = None) -> str:
    name = f"forms-{role}-{uuid.uuid4().hex[:8]}"
    return run_db(seeded, lambda db: keys.create_key(db, name, role, organization))[1]


@pytest.fixture(scope="module")
def admin(seeded: Settings) -> Iterator[str]:
    yield _token(seeded, "admin")
    reseed(seeded)


def _form(ask: Ask, node_id: str) -> dict[str, Any]:
    body = ask(FORM, id=node_id)
    assert "errors" not in body, body
    form: dict[str, Any] = body["data"]["editForm"]
    return form


def _save(ask: Ask, node_id: str, form: dict[str, Any]) -> dict[str, Any]:
    values = {f["name"]: f["value"] for f in form["fields"]}
    mutation = (
        f"mutation($id: ID!, $version: Int!, $input: {form['inputType']}!) "
        f"{{ {form['mutation']}(id: $id, version: $version, input: $input) {{ version }} }}"
    )
    return ask(mutation, id=node_id, version=form["version"], input=values)


def test_every_kinds_form_saves_back_unchanged(
    as_key: Callable[[str | None], Ask], admin: str, seed_graph: SeedGraph
) -> None:
    ask = as_key(admin)
    firsts: dict[str, str] = {}
    for node in seed_graph.nodes:
        firsts.setdefault(kind_of(node.id), node.id)
    tried = [firsts[kind] for kind in EDITED_KINDS if kind in firsts]
    assert len(tried) >= 5, f"the seed has records of {sorted(firsts)}"
    for node_id in tried:
        form = _form(ask, node_id)
        assert form["maySave"], (node_id, form["whyNot"])
        saved = _save(ask, node_id, form)
        assert "errors" not in saved, (node_id, saved["errors"])
        # Saving what was read changes nothing, or, at most, the day it was last verified.
        if saved["data"][form["mutation"]]["version"] != form["version"]:
            changed = ask(HISTORY, id=node_id)["data"]["history"][0]["changedFields"]
            assert set(changed) <= {"last_verified"}, (node_id, changed)
        again = _form(ask, node_id)
        assert [f for f in again["fields"] if f["name"] != "lastVerified"] == [
            f for f in form["fields"] if f["name"] != "lastVerified"
        ], node_id


def test_signed_out_nobody_may_save(gql: Ask) -> None:
    form = _form(gql, "organization:ilo")
    assert form["maySave"] is False
    assert "sign in" in form["whyNot"]
    assert any(f["name"] == "name" and f["value"] for f in form["fields"])


def test_a_partner_may_save_its_own_record_only(
    as_key: Callable[[str | None], Ask], seeded: Settings
) -> None:
    ask = as_key(_token(seeded, "editor", PARTNER))
    assert _form(ask, PARTNER)["maySave"] is True
    other = _form(ask, "organization:ilo")
    assert other["maySave"] is False
    assert PARTNER in other["whyNot"]
    # And the save it would refuse is refused, with the same reason.
    refused = _save(ask, "organization:ilo", other)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_a_kind_nobody_edits_one_at_a_time_has_no_form(gql: Ask) -> None:
    body = gql(FORM, id="country:NPL")
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


NEW = """query($kind: String!, $given: JSON) { newForm(kind: $kind, given: $given) {
  id version maySave whyNot mutation fields { name value } } creatableKinds }"""


def test_a_new_records_form_says_who_may_add_it(
    as_key: Callable[[str | None], Ask], gql: Ask, seeded: Settings
) -> None:
    signed_out = gql(NEW, kind="source")["data"]
    assert signed_out["creatableKinds"] == []
    assert signed_out["newForm"]["maySave"] is False
    partner = as_key(_token(seeded, "editor", PARTNER))
    body = partner(NEW, kind="period-report", given={"initiative": "initiative:x"})["data"]
    assert set(body["creatableKinds"]) == {"source", "initiative", "period-report"}
    form = body["newForm"]
    assert (form["id"], form["version"], form["mutation"]) == ("", 0, "createPeriodReport")
    values = {f["name"]: f["value"] for f in form["fields"]}
    assert values["initiative"] == "initiative:x"
    assert values["closed"] is False
    assert form["maySave"] is True
    other = partner(NEW, kind="organization")["data"]["newForm"]
    assert other["maySave"] is False
    assert PARTNER in other["whyNot"]
