"""Every field of the schema answers: a walk over the whole schema, taken from introspection,
so a new field is swept without anyone remembering to add it.

Each root field is asked once with its defaults (and with real ids of the seed where it
needs one), and every field of every object type is asked once, reached from a real record
of the seed (the best-linked record of each kind, so its lists are not empty) or through the
shortest path of root fields, with a selection two levels deep under it: every field of every
type to depth 3. No answer may carry an INTERNAL_SERVER_ERROR or an HTTP 5xx; refusals
(NOT_FOUND, BAD_USER_INPUT) are answers."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings
from service.model.kinds import DRAFTS
from service.model.shown import SHOWN
from tests.sweep import Sweep, make_sweep, queries


@pytest.fixture(scope="module")
def sweep(seeded: Settings) -> Iterator[Sweep]:
    # The sweep's questions are larger than a client's limits allow (those are tested in
    # test_errors_and_limits.py); here every resolver must answer.
    unlimited = seeded.model_copy(
        update={"graphql_max_tokens": 10**6, "graphql_max_aliases": 10**4, "graphql_max_depth": 50}
    )
    with TestClient(create_app(unlimited)) as client:
        yield make_sweep(client, seeded)


def _problems(sweep: Sweep, query: str) -> list[str]:
    response = sweep.client.post("/graphql", json={"query": query})
    if response.status_code >= 500:
        return [f"HTTP {response.status_code}"]
    body = response.json()
    return [
        str(error.get("message"))
        for error in body.get("errors") or []
        if (error.get("extensions") or {}).get("code") in (None, "INTERNAL_SERVER_ERROR")
    ]


def test_the_sweep_has_a_real_record_of_every_kind(sweep: Sweep) -> None:
    # Kinds only editors make (a merge judgement) have no seed file; their types are swept
    # through the fields that list them, which answer with none.
    unseeded = {SHOWN[kind].name for kind, draft in DRAFTS.items() if not draft.SEEDED}
    node = sweep.types["Node"]
    missing = {t["name"] for t in node["possibleTypes"]} - set(sweep.ids) - unseeded
    assert not missing, f"the seed gave no record of {sorted(missing)}"


def test_every_field_of_every_type_answers_without_an_internal_error(sweep: Sweep) -> None:
    failures: dict[str, list[str]] = {}
    asked = 0
    for where, query in queries(sweep):
        asked += 1
        problems = _problems(sweep, query)
        if problems:
            failures[where] = problems[:2]
    assert asked > 300, "the sweep asked suspiciously few questions"
    assert not failures, "\n".join(f"{where}: {problems}" for where, problems in failures.items())
