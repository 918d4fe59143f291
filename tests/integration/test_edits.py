"""Editing the map through GraphQL against the real Neo4j: every mutation, every refusal
code, version conflicts, the duplicate warning and the merge, scoped keys, and the audit
event that is written with each change, in its transaction, and only then."""

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, get_args

import pytest

from service.config import Settings
from service.db.driver import Database
from service.editing import keys
from service.editing.relationships import SET_BY_RECORD
from service.model.relationships import RELATIONSHIPS, RelationshipType
from service.seed.loader import load, prepare
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
GCG = "source:gcg-2017-report"
CITED = [{"source": GCG, "section": "1. Introduction to Alliance 8.7", "note": "Test record."}]


@pytest.fixture(scope="module")
def tokens(seeded: Settings) -> Iterator[dict[str, str]]:
    """An admin, an editor, and an editor scoped to a test organization; the map is put
    back as the seed has it afterwards."""

    async def make(db: Database) -> dict[str, str]:
        made = {}
        for name, role in (("test-admin", "admin"), ("test-editor", "editor")):
            made[role] = (await keys.create_key(db, name, role))[1]
        return made

    yield run_db(seeded, make)
    reseed(seeded)


def _code(body: dict[str, Any]) -> str:
    assert body.get("errors"), body
    return str(body["errors"][0]["extensions"]["code"])


def _problems(body: dict[str, Any]) -> dict[str, str]:
    return {p["field"]: p["reason"] for p in body["errors"][0]["extensions"]["problems"]}


CREATE_ORG = """mutation($input: OrganizationInput!, $confirm: Boolean! = false) {
  createOrganization(input: $input, confirmNew: $confirm) {
    organization { id name version retired basedIn { id } sources { section } }
    possibleDuplicates { id score reason }
  }
}"""
CREATE_INITIATIVE = """mutation($input: InitiativeInput!) {
  createInitiative(input: $input) {
    id version start end status
    operatesIn { ... on Country { id } ... on Region { id } }
    themes { id } sdgTargets { code } participants { role organization { id } }
  }
}"""
UPDATE_INITIATIVE = """mutation($id: ID!, $version: Int!, $input: InitiativeInput!) {
  updateInitiative(id: $id, version: $version, input: $input) {
    id version status themes { id }
  }
}"""
HISTORY = """query($id: ID!) {
  history(id: $id) { action actor role scope summary changedFields before after targets }
}"""


def _org(key: str, name: str, **more: Any) -> dict[str, Any]:
    return {"key": key, "name": name, "type": "NGO", "cited": CITED, **more}


def _initiative(key: str, **more: Any) -> dict[str, Any]:
    return {
        "key": key,
        "name": f"Test initiative {key}",
        "kind": "RESEARCH",
        "status": "ACTIVE",
        "work": ["research"],
        "cited": CITED,
        **more,
    }


def _create_org(ask: Ask, key: str, name: str, **more: Any) -> dict[str, Any]:
    body = ask(CREATE_ORG, input=_org(key, name, **more), confirm=True)
    assert "errors" not in body, body
    created: dict[str, Any] = body["data"]["createOrganization"]["organization"]
    return created


def test_reads_are_public_and_writes_need_an_accepted_key(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], seeded: Settings
) -> None:
    assert "errors" not in as_key(None)('{ organization(id: "organization:ilo") { name } }')
    refused = [
        as_key(None)(CREATE_ORG, input=_org("test-nokey", "Nobody")),
        as_key("a87_not-a-real-key")(CREATE_ORG, input=_org("test-nokey", "Nobody")),
        as_key("some-other-scheme")(CREATE_ORG, input=_org("test-nokey", "Nobody")),
    ]

    async def revoked(db: Database) -> str:
        token = (await keys.create_key(db, "test-revoked", "editor"))[1]
        assert await keys.revoke_key(db, "test-revoked")
        return token

    refused.append(as_key(run_db(seeded, revoked))(CREATE_ORG, input=_org("test-nokey", "X")))
    # One message for every case: a caller learns nothing about which keys exist.
    assert {(_code(b), b["errors"][0]["message"]) for b in refused} == {
        ("UNAUTHENTICATED", keys.NOT_ACCEPTED)
    }
    assert _code(as_key(None)('{ node(id: "organization:test-nokey") { id } }')) == "NOT_FOUND"


def test_each_kind_is_created_with_its_relationships_and_an_audit_event(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask]
) -> None:
    ask = as_key(tokens["editor"])
    source = ask(
        'mutation { createSource(input: {key: "test-field-report", title: "A field report", '
        'sections: ["Findings"], date: "2026-05"}) { id name version sections } }'
    )["data"]["createSource"]
    assert source == {
        "id": "source:test-field-report",
        "name": "A field report",
        "version": 1,
        "sections": ["Findings"],
    }
    org = _create_org(ask, "test-ngo", "Test Freedom Network", basedIn=["AR"])
    assert org["basedIn"] == [{"id": "country:ARG"}]
    assert org["sources"] == [{"section": "1. Introduction to Alliance 8.7"}]
    initiative = ask(
        CREATE_INITIATIVE,
        input=_initiative(
            "test-survey",
            start="2026-01",
            end="2027",
            countries=["ARG", "BR"],
            regions=["region:ilo-africa"],
            themes=["theme:child-labour"],
            sdgTargets=["8.7"],
            cited=[{"source": "source:test-field-report", "section": "Findings", "note": "Plan."}],
        ),
    )["data"]["createInitiative"]
    assert {p["id"] for p in initiative["operatesIn"]} == {
        "country:ARG",
        "country:BRA",
        "region:ilo-africa",
    }
    assert initiative["themes"] == [{"id": "theme:child-labour"}]
    assert initiative["sdgTargets"] == [{"code": "8.7"}]
    assert initiative["participants"] == []  # an unscoped key links no organization
    group = ask(
        "mutation($input: ActionGroupInput!) { createActionGroup(input: $input) "
        "{ id groupKind themes { id } } }",
        input={
            "key": "test-group",
            "name": "Test action group",
            "kind": "ACTION_GROUP",
            "themes": ["theme:forced-labour"],
            "cited": CITED,
        },
    )["data"]["createActionGroup"]
    assert group["themes"] == [{"id": "theme:forced-labour"}]
    event = ask(
        "mutation($input: EventInput!) { createEvent(input: $input) { id date country { id } } }",
        input={
            "key": "test-meeting",
            "name": "Test meeting",
            "kind": "MEETING",
            "status": "PLANNED",
            "date": "2026-12-01",
            "heldIn": "PER",
            "cited": CITED,
        },
    )["data"]["createEvent"]
    assert event == {
        "id": "event:test-meeting",
        "date": "2026-12-01",
        "country": {"id": "country:PER"},
    }
    [created] = ask(HISTORY, id="initiative:test-survey")["data"]["history"]
    assert created["action"] == "create"
    # Key names are private: an editor's key (or none) sees the role, an admin's the name.
    assert (created["actor"], created["role"]) == (None, "editor")
    [seen_by_admin] = as_key(tokens["admin"])(HISTORY, id="initiative:test-survey")["data"][
        "history"
    ]
    assert seen_by_admin["actor"] == "test-editor"
    assert created["before"] is None
    assert created["after"]["properties"]["start"] == "2026-01"
    assert {r["to"] for r in created["after"]["relationships"]} >= {
        "country:ARG",
        "theme:child-labour",
    }


def test_bad_input_names_every_field_and_writes_nothing(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask]
) -> None:
    ask = as_key(tokens["editor"])
    body = ask(
        CREATE_INITIATIVE,
        input=_initiative(
            "test-bad",
            countries=["XYZ"],
            sdgTargets=["8.99x"],
            themes=["theme:nonsense"],
        ),
    )
    assert _code(body) == "BAD_USER_INPUT"
    assert set(_problems(body)) == {"countries[0]", "sdgTargets[0]"}
    checks = {
        "sdgTargets[0]": _initiative("test-bad", sdgTargets=["8.99"]),
        "themes[0]": _initiative("test-bad", themes=["theme:nonsense"]),
        "regions[0]": _initiative("test-bad", regions=["country:ARG"]),
        "end": _initiative("test-bad", start="2026-06", end="2026-02"),
        "cited[0].section": _initiative(
            "test-bad", cited=[{"source": GCG, "section": "No such section", "note": "x y z"}]
        ),
        "key": _initiative("knowledge-platform"),
    }
    for field, given in checks.items():
        body = ask(CREATE_INITIATIVE, input=given)
        assert _code(body) == "BAD_USER_INPUT", field
        assert field in _problems(body), (field, _problems(body))
    assert "is taken" in _problems(ask(CREATE_INITIATIVE, input=checks["key"]))["key"]
    assert _code(as_key(None)('{ initiative(id: "initiative:test-bad") { id } }')) == "NOT_FOUND"
    assert as_key(None)(HISTORY, id="initiative:test-bad")["data"]["history"] == []


def test_updates_need_the_latest_version_and_are_recorded_before_and_after(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask]
) -> None:
    ask = as_key(tokens["editor"])
    first = ask(CREATE_INITIATIVE, input=_initiative("test-versioned"))["data"]["createInitiative"]
    assert first["version"] == 1
    changed = _initiative("test-versioned", status="COMPLETED", themes=["theme:forced-labour"])
    updated = ask(UPDATE_INITIATIVE, id=first["id"], version=1, input=changed)
    assert updated["data"]["updateInitiative"] == {
        "id": "initiative:test-versioned",
        "version": 2,
        "status": "COMPLETED",
        "themes": [{"id": "theme:forced-labour"}],
    }
    # A second editor who read version 1 is refused, and nothing is overwritten.
    stale = ask(UPDATE_INITIATIVE, id=first["id"], version=1, input=_initiative("test-versioned"))
    assert _code(stale) == "CONFLICT"
    assert "version 2" in stale["errors"][0]["message"]
    # Sending what is stored already changes nothing and records nothing.
    same = ask(UPDATE_INITIATIVE, id=first["id"], version=2, input=changed)
    assert same["data"]["updateInitiative"]["version"] == 2
    events = ask(HISTORY, id=first["id"])["data"]["history"]
    assert [e["action"] for e in events] == ["update", "create"]
    assert events[0]["changedFields"] == ["status"]
    assert events[0]["before"]["properties"]["status"] == "active"
    assert events[0]["after"]["properties"]["status"] == "completed"
    assert [r["to"] for r in events[0]["after"]["relationships"] if r["type"] == "ADDRESSES"] == [
        "theme:forced-labour"
    ]
    wrong_kind = ask(UPDATE_INITIATIVE, id="organization:ilo", version=1, input=changed)
    assert _code(wrong_kind) == "BAD_USER_INPUT"
    missing = ask(
        UPDATE_INITIATIVE, id="initiative:test-nowhere", version=1, input={**changed, "key": None}
    )
    assert _code(missing) == "NOT_FOUND"


RETIRE = "mutation($id: ID!, $v: Int!) { retire(id: $id, version: $v) { id version retired } }"
RESTORE = "mutation($id: ID!, $v: Int!) { restore(id: $id, version: $v) { id version retired } }"
DELETE = "mutation($id: ID!, $v: Int!) { delete(id: $id, version: $v) { id auditEventId } }"


def test_retired_records_leave_default_answers_and_come_back_on_request(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask]
) -> None:
    ask, public = as_key(tokens["editor"]), as_key(None)
    org = _create_org(ask, "test-retiring", "Test Retiring Org")
    retired = ask(RETIRE, id=org["id"], v=1)["data"]["retire"]
    assert retired == {"id": org["id"], "version": 2, "retired": True}
    assert _code(public('{ organization(id: "organization:test-retiring") { id } }')) == "NOT_FOUND"
    listed = '{ organizations(filter: {text: "Retiring"%s}) { totalCount edges { node { id retired } } } }'
    assert public(listed % "")["data"]["organizations"]["totalCount"] == 0
    back = public(listed % ", includeRetired: true")["data"]["organizations"]
    assert back["edges"] == [{"node": {"id": org["id"], "retired": True}}]
    shown = public('{ node(id: "organization:test-retiring", includeRetired: true) { retired } }')
    assert shown["data"]["node"] == {"retired": True}
    assert _code(ask(RETIRE, id=org["id"], v=2)) == "CONFLICT"  # retired already
    assert ask(RESTORE, id=org["id"], v=2)["data"]["restore"]["retired"] is False
    assert public(listed % "")["data"]["organizations"]["totalCount"] == 1
    actions = [e["action"] for e in public(HISTORY, id=org["id"])["data"]["history"]]
    assert actions == ["restore", "retire", "create"]


def test_only_admins_delete_and_the_history_outlives_the_record(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask]
) -> None:
    org = _create_org(as_key(tokens["editor"]), "test-deleted", "Test Deleted Org")
    assert _code(as_key(tokens["editor"])(DELETE, id=org["id"], v=1)) == "FORBIDDEN"
    assert _code(as_key(tokens["admin"])(DELETE, id=org["id"], v=7)) == "CONFLICT"
    deleted = as_key(tokens["admin"])(DELETE, id=org["id"], v=1)["data"]["delete"]
    assert deleted["id"] == org["id"]
    public = as_key(None)
    assert (
        _code(public('{ node(id: "organization:test-deleted", includeRetired: true) { id } }'))
        == "NOT_FOUND"
    )
    events = public(HISTORY, id=org["id"])["data"]["history"]
    assert [(e["action"], e["role"]) for e in events] == [("delete", "admin"), ("create", "editor")]
    assert events[0]["before"]["properties"]["name"] == "Test Deleted Org"


ADD = """mutation($input: RelationshipInput!) {
  addRelationship(input: $input) { from type to auditEventId }
}"""
REMOVE = """mutation($from: ID!, $type: String!, $to: ID!) {
  removeRelationship(from: $from, type: $type, to: $to) { from type to }
}"""


def _link(from_id: str, link_type: str, to_id: str, **more: Any) -> dict[str, Any]:
    return {
        "from": from_id,
        "type": link_type,
        "to": to_id,
        "source": GCG,
        "section": "1. Introduction to Alliance 8.7",
        "note": "Test link.",
        **more,
    }


def test_relationships_are_added_checked_and_removed(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask]
) -> None:
    ask = as_key(tokens["editor"])
    org = _create_org(ask, "test-linker", "Test Linker Org")
    added = ask(ADD, input=_link(org["id"], "IMPLEMENTS", "initiative:knowledge-platform"))
    assert added["data"]["addRelationship"]["type"] == "IMPLEMENTS"
    participants = as_key(None)(
        '{ initiative(id: "initiative:knowledge-platform") { participants { role organization { id } } } }'
    )["data"]["initiative"]["participants"]
    assert {"role": "IMPLEMENTS", "organization": {"id": org["id"]}} in participants
    # An edit is checked on its day unless it says otherwise; its own dates are kept.
    dated = _link(org["id"], "PARTNERS_IN", "initiative:knowledge-platform", since="2018-03")
    assert ask(ADD, input=dated)["data"]["addRelationship"]["type"] == "PARTNERS_IN"
    held = as_key(None)(
        """query($id: ID!) { organization(id: $id) {
            relationships(types: ["IMPLEMENTS", "PARTNERS_IN"]) { type since until asOf ended } } }""",
        id=org["id"],
    )["data"]["organization"]["relationships"]
    today = date.today().isoformat()
    assert sorted(held, key=lambda r: r["type"]) == [
        {"type": "IMPLEMENTS", "since": None, "until": None, "asOf": today, "ended": False},
        {"type": "PARTNERS_IN", "since": "2018-03", "until": None, "asOf": today, "ended": False},
    ]
    refusals = {
        "type": _link(org["id"], "IMPLEMENTS", "initiative:knowledge-platform"),  # exists
        "to": _link(org["id"], "IMPLEMENTS", "country:ARG"),
        "role": _link(org["id"], "CHAIRS", "action-group:supply-chains"),
        "seat": _link(org["id"], "LEADS", "initiative:knowledge-platform", seat="Workers"),
    }
    for field, given in refusals.items():
        body = ask(ADD, input=given)
        assert _code(body) == "BAD_USER_INPUT", field
        assert field in _problems(body), (field, _problems(body))
    inline = ask(ADD, input=_link("initiative:knowledge-platform", "OPERATES_IN", "country:ARG"))
    assert "updateInitiative" in _problems(inline)["type"]
    unknown = ask(ADD, input=_link(org["id"], "FUNDS", "initiative:test-none"))
    assert "is not on the map" in _problems(unknown)["to"]
    removed = ask(
        REMOVE, **{"from": org["id"], "type": "IMPLEMENTS", "to": "initiative:knowledge-platform"}
    )
    assert removed["data"]["removeRelationship"]["to"] == "initiative:knowledge-platform"
    again = ask(
        REMOVE, **{"from": org["id"], "type": "IMPLEMENTS", "to": "initiative:knowledge-platform"}
    )
    assert _code(again) == "NOT_FOUND"
    actions = [
        e["action"]
        for e in as_key(None)(HISTORY, id="initiative:knowledge-platform")["data"]["history"]
    ]
    assert actions[:2] == ["unlink", "link"]


MERGE = """mutation($s: ID!, $sv: Int!, $d: ID!, $dv: Int!) {
  mergeOrganizations(survivor: $s, survivorVersion: $sv, duplicate: $d, duplicateVersion: $dv) {
    id version initiatives { role initiative { id } }
  }
}"""


def test_a_likely_duplicate_is_flagged_and_can_be_merged(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask]
) -> None:
    ask = as_key(tokens["editor"])
    held = ask(CREATE_ORG, input=_org("test-ilo-again", "International Labor Organisation"))
    creation = held["data"]["createOrganization"]
    assert creation["organization"] is None
    assert creation["possibleDuplicates"][0]["id"] == "organization:ilo"
    assert _code(as_key(None)('{ node(id: "organization:test-ilo-again") { id } }')) == "NOT_FOUND"
    kept = _create_org(ask, "test-survivor", "Test Coalition Against Bonded Labour")
    flagged = ask(CREATE_ORG, input=_org("test-dup", "Test Coalition Against Bonded Labor"))
    assert [c["id"] for c in flagged["data"]["createOrganization"]["possibleDuplicates"]] == [
        kept["id"]
    ]
    accented = ask(CREATE_ORG, input=_org("test-dup", "Test Coalitión Against Bonded Labour"))
    assert accented["data"]["createOrganization"]["possibleDuplicates"][0]["score"] == 100
    dup = _create_org(ask, "test-dup", "Test Coalition Against Bonded Labor")
    ask(ADD, input=_link(dup["id"], "FUNDS", "initiative:knowledge-platform"))
    # The funding it was given moved the duplicate on to version 2.
    merged = ask(MERGE, s=kept["id"], sv=1, d=dup["id"], dv=2)["data"]["mergeOrganizations"]
    assert merged["version"] == 2
    assert {"role": "FUNDS", "initiative": {"id": "initiative:knowledge-platform"}} in merged[
        "initiatives"
    ]
    gone = as_key(None)('{ node(id: "organization:test-dup", includeRetired: true) { retired } }')
    assert gone["data"]["node"] == {"retired": True}
    for node_id in (kept["id"], dup["id"]):
        assert as_key(None)(HISTORY, id=node_id)["data"]["history"][0]["action"] == "merge"
    assert _code(ask(MERGE, s=kept["id"], sv=2, d=kept["id"], dv=2)) == "BAD_USER_INPUT"
    assert _code(ask(MERGE, s=kept["id"], sv=1, d="organization:ilo", dv=1)) == "CONFLICT"


def test_a_scoped_key_edits_its_own_organization_and_initiatives_only(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], seeded: Settings
) -> None:
    org = _create_org(as_key(tokens["admin"]), "test-partner", "Test Partner Org")

    async def scoped(db: Database) -> str:
        return (await keys.create_key(db, "test-partner-key", "editor", org["id"]))[1]

    ask = as_key(run_db(seeded, scoped))
    own = ask(CREATE_INITIATIVE, input=_initiative("test-own"))["data"]["createInitiative"]
    assert own["participants"] == [{"role": "LEADS", "organization": {"id": org["id"]}}]
    assert ask(
        UPDATE_INITIATIVE, id=own["id"], version=1, input=_initiative("test-own", status="PLANNED")
    )["data"]
    renamed = ask(
        'mutation($input: OrganizationInput!) { updateOrganization(id: "organization:test-partner", '
        "version: 1, input: $input) { name } }",
        input=_org("test-partner", "Test Partner Organization"),
    )
    assert renamed["data"]["updateOrganization"]["name"] == "Test Partner Organization"
    forbidden = [
        ask(
            UPDATE_INITIATIVE, id="initiative:knowledge-platform", version=1, input=_initiative("x")
        ),
        ask(CREATE_ORG, input=_org("test-other", "Another Org")),
        ask(RETIRE, id="organization:ilo", v=1),
        ask(DELETE, id=own["id"], v=2),
        ask(MERGE, s=org["id"], sv=2, d="organization:ilo", dv=1),
        ask(ADD, input=_link("organization:ilo", "FUNDS", "initiative:knowledge-platform")),
        # Its own initiative, but a partnership in another organization's name.
        ask(ADD, input=_link("organization:ilo", "PARTNERS_IN", own["id"])),
    ]
    assert [_code(b) for b in forbidden] == ["FORBIDDEN"] * len(forbidden)
    funding = ask(ADD, input=_link(org["id"], "FUNDS", own["id"]))
    assert "errors" not in funding
    [event] = [
        e for e in as_key(None)(HISTORY, id=own["id"])["data"]["history"] if e["action"] == "link"
    ]
    assert (event["actor"], event["role"], event["scope"]) == (None, "editor", org["id"])


# Records no test key has rights over, one of each kind a relationship can point to.
OUTSIDE = {
    "organization": "organization:ilo",
    "initiative": "initiative:knowledge-platform",
    "action-group": "action-group:conflict-humanitarian-settings",
    "event": "event:gcg-1-buenos-aires-2017",
    "source": "source:global-slavery-index-2023",
    "person": "person:beate-andrees",
    "commitment": "commitment:register-members",
    "indicator": "indicator:sdg-8-7-1",
}
SHARED_ENDS = {"country", "region", "theme", "sdg", "sdg-target", "source"}
EXTRA = {
    "CHAIRS": {"role": "co-chair"},
    "PARTNERSHIP_WITH": {"status": "pending", "reason": "x"},
    "SEATED": {"seat": "Observer seat"},
    "MEMBERSHIP": {"standing": "OBSERVER"},
    "PROGRESS_REPORTED": {"progress": "MET", "since": "2018"},
}


def _escalations() -> list[tuple[str, str, str]]:
    """For each relationship type an editor may add, a link from the scoped key's own
    organization (or from an outside record, for types that cannot start at one) to a
    record the key has no rights over."""
    found = []
    for link_type, rel in RELATIONSHIPS.items():
        starts, ends = rel.starts, rel.ends
        outside_ends = sorted(ends & OUTSIDE.keys())
        if (
            link_type not in get_args(RelationshipType)
            or not outside_ends
            or any((kind, link_type) in SET_BY_RECORD for kind in starts)
        ):
            continue
        start = SCOPED_ORG if "organization" in starts else OUTSIDE[sorted(starts)[0]]
        found.append((start, link_type, OUTSIDE[outside_ends[0]]))
    return found


SCOPED_ORG = "organization:test-climber"


def test_a_scoped_key_cannot_give_itself_rights_by_linking(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], seeded: Settings
) -> None:
    _create_org(as_key(tokens["admin"]), "test-climber", "Test Climbing Org")

    async def scoped(db: Database) -> str:
        return (await keys.create_key(db, "test-climber-key", "editor", SCOPED_ORG))[1]

    ask = as_key(run_db(seeded, scoped))
    target = OUTSIDE["initiative"]
    version = as_key(None)(f'{{ initiative(id: "{target}") {{ version }} }}')["data"]
    v = version["initiative"]["version"]
    # The sequence a tester used: link itself in, then edit and retire what it joined.
    steps = [
        ask(ADD, input=_link(SCOPED_ORG, "PARTNERS_IN", target)),
        ask(UPDATE_INITIATIVE, id=target, version=v, input=_initiative("x")),
        ask(RETIRE, id=target, v=v),
        # Rights come before versions: a wrong version tells an outsider nothing.
        ask(RETIRE, id=target, v=v + 5),
    ]
    assert [_code(b) for b in steps] == ["FORBIDDEN"] * 4
    assert "has no rights over initiative:knowledge-platform" in steps[0]["errors"][0]["message"]
    attempts = _escalations()
    assert len(attempts) >= 15  # every type that can point at someone else's record
    refused = {
        link_type: _code(ask(ADD, input=_link(start, link_type, to, **EXTRA.get(link_type, {}))))
        for start, link_type, to in attempts
    }
    assert refused == dict.fromkeys(refused, "FORBIDDEN")
    # Removing someone else's relationship is refused the same way.
    assert (
        _code(
            ask(
                REMOVE,
                **{"from": "organization:ilo", "type": "CHAIRS", "to": OUTSIDE["action-group"]},
            )
        )
        == "FORBIDDEN"
    )
    # Nothing was written: the map holds none of the attempted links.
    links = as_key(None)(f'{{ organization(id: "{SCOPED_ORG}") {{ initiatives {{ role }} }} }}')
    assert links["data"]["organization"]["initiatives"] == []
    # What it may do: link its organization to shared records and to its own work.
    own = ask(CREATE_INITIATIVE, input=_initiative("test-climb-own"))["data"]["createInitiative"]
    allowed = [
        ask(ADD, input=_link(SCOPED_ORG, "CONTRIBUTES_TO", "sdg-target:8.7")),
        ask(ADD, input=_link(SCOPED_ORG, "FUNDS", own["id"])),
    ]
    assert ["errors" in b for b in allowed] == [False, False], allowed


def test_a_change_and_its_audit_event_are_written_together_or_not_at_all(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], seeded: Settings
) -> None:
    ask = as_key(tokens["editor"])
    org = _create_org(ask, "test-atomic", "Test Atomic Org")

    # Make the audit write itself fail, with a real constraint on the real database: two
    # events may not share a summary. The update's first statement succeeds; its event
    # cannot be written; the update must be rolled back with it.
    async def constrain(db: Database) -> None:
        await db.run_schema(
            "CREATE CONSTRAINT test_audit_summary IF NOT EXISTS "
            "FOR (e:AuditEvent) REQUIRE e.summary IS UNIQUE"
        )

    async def unconstrain(db: Database) -> None:
        await db.run_schema("DROP CONSTRAINT test_audit_summary IF EXISTS")

    update = (
        'mutation($input: OrganizationInput!) { updateOrganization(id: "organization:test-atomic", '
        "version: $v, input: $input) { version } }"
    ).replace("$v", "1")
    body = ask(update, input=_org("test-atomic", "Test Atomic Org, renamed"))
    assert body["data"]["updateOrganization"]["version"] == 2
    run_db(seeded, constrain)
    try:
        again = ask(
            update.replace("version: 1", "version: 2"), input=_org("test-atomic", "Renamed twice")
        )
    finally:
        run_db(seeded, unconstrain)
    assert _code(again) == "INTERNAL_SERVER_ERROR"
    now = as_key(None)('{ organization(id: "organization:test-atomic") { name version } }')
    assert now["data"]["organization"] == {"name": "Test Atomic Org, renamed", "version": 2}
    assert len(as_key(None)(HISTORY, id=org["id"])["data"]["history"]) == 2


def test_reloading_the_seed_leaves_retired_records_retired_and_moves_versions_on(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask], seeded: Settings
) -> None:
    ask = as_key(tokens["editor"])
    read = '{ organization(id: "organization:zicolaw") { version name } }'
    version = as_key(None)(read)["data"]["organization"]["version"]
    assert ask(RETIRE, id="organization:zicolaw", v=version)["data"]["retire"]["retired"]

    async def reload(db: Database) -> int:
        return (await load(db, prepare(seeded.seed_dir), seeded.load_batch_size)).retired_left

    assert run_db(seeded, reload) == 1
    assert _code(as_key(None)(read)) == "NOT_FOUND"
    restored = ask(RESTORE, id="organization:zicolaw", v=version + 1)["data"]["restore"]
    renamed = ask(
        'mutation($input: OrganizationInput!, $v: Int!) { updateOrganization(id: "organization:zicolaw", '
        "version: $v, input: $input) { version } }",
        input=_org("zicolaw", "ZICO Law (renamed in a test)", type="BUSINESS"),
        v=restored["version"],
    )
    edited = renamed["data"]["updateOrganization"]["version"]
    run_db(seeded, reload)  # puts the curated name back, and says so with a new version
    assert as_key(None)(read)["data"]["organization"] == {"version": edited + 1, "name": "ZICOLAW"}


def test_an_edit_is_a_verification(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask]
) -> None:
    """A record created or updated without a date of its own is verified today; an editor
    may give the date the facts were checked instead."""
    ask = as_key(tokens["editor"])
    made = ask(
        "mutation($input: InitiativeInput!) { createInitiative(input: $input) { id lastVerified } }",
        input=_initiative("test-verified"),
    )["data"]["createInitiative"]
    assert made["lastVerified"] == date.today().isoformat()
    dated = ask(
        "mutation($id: ID!, $input: InitiativeInput!) { updateInitiative(id: $id, version: 1, "
        "input: $input) { lastVerified version } }",
        id=made["id"],
        input=_initiative("test-verified", lastVerified="2026-06"),
    )["data"]["updateInitiative"]
    assert dated == {"lastVerified": "2026-06", "version": 2}
    seeded = ask('{ organization(id: "organization:ilo") { lastVerified } }')["data"]
    assert seeded["organization"]["lastVerified"] == "2017-11-13"  # the report's date


def test_the_organization_ranking_is_stored_and_follows_an_edit(
    tokens: dict[str, str], as_key: Callable[[str | None], Ask]
) -> None:
    """The ranking is read from the map and computed again once the network changes: an
    organization that starts leading the Knowledge Platform is in it after the edit."""
    ask, read = as_key(tokens["editor"]), as_key(None)
    query = """{ organizationRanking(limit: 500) {
        organization { id } degree sample stale computedAt } }"""
    before = read(query)["data"]["organizationRanking"]
    assert before[0]["sample"] is None  # exact on the seed
    assert before[0]["stale"] is False
    assert read(query)["data"]["organizationRanking"] == before  # read back, not recomputed
    org = _create_org(ask, "test-ranked", "Test Ranked Org")
    added = ask(ADD, input=_link(org["id"], "LEADS", "initiative:knowledge-platform"))
    assert added["data"]["addRelationship"]["type"] == "LEADS"
    after = {r["organization"]["id"]: r for r in read(query)["data"]["organizationRanking"]}
    assert after[org["id"]]["degree"] == 1
    assert after[org["id"]]["computedAt"] > before[0]["computedAt"]
    assert "limit" in read("{ organizationRanking(limit: 0) { degree } }")["errors"][0]["message"]
