"""Signing in from the explorer (service/api/routes/session.py, service/editing/sessions.py),
against the real Neo4j: a key pasted once opens a session held in an HttpOnly,
SameSite=Strict cookie; a request the session signs needs its CSRF token and the map's own
origin; signing out, expiry and revoking the key each end it on the server."""

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings
from service.editing import keys
from service.editing.sessions import CSRF_HEADER, SESSION_COOKIE
from tests.conftest import run_db

CITED = [
    {
        "source": "source:gcg-2017-report",
        "section": "1. Introduction to Alliance 8.7",
        "note": "Test record.",
    }
]
CREATE = """mutation($input: InitiativeInput!) { createInitiative(input: $input) { id } }"""
HISTORY = """query($id: ID!) { history(id: $id) { action actor role scope } }"""


@pytest.fixture
def browser(seeded: Settings) -> Iterator[TestClient]:
    """A browser of its own: its own cookie jar."""
    with TestClient(create_app(seeded)) as fresh:
        yield fresh


def _key(seeded: Settings, role: str, organization: str | None = None) -> tuple[str, str]:
    name = f"session-{role}-{uuid.uuid4().hex[:8]}"
    made = run_db(seeded, lambda db: keys.create_key(db, name, role, organization))
    return name, made[1]


def _create(browser: TestClient, headers: dict[str, str]) -> dict[str, Any]:
    key = f"test-session-{uuid.uuid4().hex[:8]}"
    variables = {
        "input": {
            "key": key,
            "name": f"Test {key}",
            "kind": "PROJECT",
            "status": "ACTIVE",
            "cited": CITED,
        }
    }
    response = browser.post(
        "/graphql", json={"query": CREATE, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _code(body: dict[str, Any]) -> str | None:
    errors = body.get("errors") or [{}]
    code: str | None = errors[0].get("extensions", {}).get("code")
    return code


def test_a_key_pasted_once_opens_a_session_the_page_cannot_read(
    seeded: Settings, browser: TestClient
) -> None:
    name, token = _key(seeded, "editor", "organization:ilo")
    signed = browser.post("/session", json={"key": token})
    assert signed.status_code == 200, signed.text
    who = signed.json()
    assert (who["name"], who["role"], who["organization"], who["writes"]) == (
        name,
        "editor",
        "organization:ilo",
        True,
    )
    cookie = signed.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    for attribute in ("HttpOnly", "SameSite=strict", "Max-Age=", "Path=/"):
        assert attribute in cookie
    # Served over plain HTTP here, so not Secure (the browser would drop it); over HTTPS it is.
    assert "Secure" not in cookie
    # The cookie carries a session token, never the key, and the answer does not echo it.
    assert token not in cookie
    assert token not in signed.text
    again = browser.get("/session")
    assert again.status_code == 200
    assert again.json()["csrfToken"] == who["csrfToken"]
    assert again.json()["name"] == name


def test_a_write_the_session_signs_needs_its_csrf_token_and_the_maps_own_origin(
    seeded: Settings, browser: TestClient
) -> None:
    name, token = _key(seeded, "editor")
    csrf = browser.post("/session", json={"key": token}).json()["csrfToken"]
    assert _code(_create(browser, {})) == "FORBIDDEN"
    assert _code(_create(browser, {CSRF_HEADER: "not-the-token"})) == "FORBIDDEN"
    foreign = {CSRF_HEADER: csrf, "Origin": "https://elsewhere.example"}
    assert _code(_create(browser, foreign)) == "FORBIDDEN"
    sandboxed = {CSRF_HEADER: csrf, "Origin": "null"}
    assert _code(_create(browser, sandboxed)) == "FORBIDDEN"
    done = _create(browser, {CSRF_HEADER: csrf, "Origin": "http://testserver"})
    assert "errors" not in done, done
    # The change is the key's, as if sent with it: its history names the key to an admin.
    made = done["data"]["createInitiative"]["id"]
    _, admin = _key(seeded, "admin")
    history = browser.post(
        "/graphql",
        json={"query": HISTORY, "variables": {"id": made}},
        headers={"Authorization": f"Bearer {admin}"},
    ).json()["data"]["history"]
    assert {(e["action"], e["actor"], e["role"]) for e in history} == {("create", name, "editor")}


def test_an_import_through_a_session_needs_the_token_too(
    seeded: Settings, browser: TestClient
) -> None:
    _, token = _key(seeded, "editor")
    csrf = browser.post("/session", json={"key": token}).json()["csrfToken"]
    sheet = b"#org,#activity,#country\nTest session org,Test session work,KEN\n"
    files = [("files", ("sheet.csv", sheet))]
    refused = browser.post("/import?dryRun=true", files=files)
    assert refused.status_code == 403, refused.text
    preview = browser.post("/import?dryRun=true", files=files, headers={CSRF_HEADER: csrf})
    assert preview.status_code == 200, preview.text
    assert preview.json()["created"] > 0


def test_signing_out_ends_the_session_on_the_server(seeded: Settings, browser: TestClient) -> None:
    _, token = _key(seeded, "editor")
    csrf = browser.post("/session", json={"key": token}).json()["csrfToken"]
    kept = browser.cookies.get(SESSION_COOKIE)
    assert kept
    assert browser.delete("/session").status_code == 403  # signing out needs the token too
    out = browser.delete("/session", headers={CSRF_HEADER: csrf})
    assert out.json() == {"ended": True}
    assert browser.get("/session").status_code == 401
    # The old cookie, replayed with its token, opens nothing any more.
    browser.cookies.set(SESSION_COOKIE, kept)
    assert browser.get("/session").status_code == 401
    assert _code(_create(browser, {CSRF_HEADER: csrf})) == "UNAUTHENTICATED"


def test_revoking_the_key_ends_its_sessions(seeded: Settings, browser: TestClient) -> None:
    name, token = _key(seeded, "editor")
    browser.post("/session", json={"key": token})
    assert browser.get("/session").status_code == 200
    assert run_db(seeded, lambda db: keys.revoke_key(db, name))
    assert browser.get("/session").status_code == 401


def test_a_key_not_accepted_opens_nothing_and_says_the_same_for_each(
    seeded: Settings, browser: TestClient
) -> None:
    name, token = _key(seeded, "editor")
    run_db(seeded, lambda db: keys.revoke_key(db, name))
    answers = {
        browser.post("/session", json={"key": key}).json()["detail"]
        for key in (token, "a87_unknown", "no key at all")
    }
    assert len(answers) == 1
    assert SESSION_COOKIE not in browser.cookies
    assert browser.get("/session").status_code == 401


def test_a_reader_signed_in_reads_as_a_reader_and_writes_nothing(
    seeded: Settings, browser: TestClient
) -> None:
    _, token = _key(seeded, "reader")
    who = browser.post("/session", json={"key": token}).json()
    assert (who["role"], who["writes"]) == ("reader", False)
    assert _code(_create(browser, {CSRF_HEADER: who["csrfToken"]})) == "FORBIDDEN"
