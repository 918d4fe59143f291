"""Merge judgements, the identity work's record of a decision that two organization records
are (or are not) one organization: the first kind added through its declaration alone
(service/model/kinds.py, shown.py, relationships.py). An editor records one, with who
decided, when, why and the source; it reads back as a Node, both organizations list it, and
a judgement of one record with itself, or of a record that is no organization, is refused."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from service.config import Settings
from service.db.driver import Database
from service.editing import keys
from tests.conftest import reseed, run_db

Ask = Callable[..., dict[str, Any]]
CITED = [
    {
        "source": "source:gcg-2017-report",
        "section": "3. Operational Guidelines and Membership",
        "note": "Both records name the body the report lists once.",
    }
]
CREATE = """mutation($input: MergeJudgementInput!) {
  createMergeJudgement(input: $input) { id verdict decidedBy decidedOn reason
    organizations { id } sources { source { id } note } } }"""


@pytest.fixture(scope="module")
def token(seeded: Settings) -> Iterator[str]:
    """An editor's key; the map is put back as the seed has it afterwards."""

    async def make(db: Database) -> str:
        return (await keys.create_key(db, "judge-editor", "editor"))[1]

    yield run_db(seeded, make)
    reseed(seeded)


@pytest.fixture
def editor(token: str, as_key: Callable[[str | None], Ask]) -> Ask:
    return as_key(token)


def _judgement(first: str, second: str, verdict: str, **more: Any) -> dict[str, Any]:
    return {
        "organizations": [first, second],
        "verdict": verdict,
        "decidedBy": "Identity review, map editors",
        "decidedOn": "2026-11",
        "cited": CITED,
        **more,
    }


def test_a_judgement_is_recorded_and_both_organizations_list_it(editor: Ask) -> None:
    given = _judgement(
        "organization:ilo", "organization:unicef", "DIFFERENT", reason="Two UN agencies."
    )
    made = editor(CREATE, input=given)
    assert "errors" not in made, made
    judgement = made["data"]["createMergeJudgement"]
    assert judgement["id"].startswith("merge-judgement:")
    assert judgement["verdict"] == "DIFFERENT"
    assert judgement["decidedBy"] == given["decidedBy"]
    assert judgement["decidedOn"] == "2026-11"
    assert judgement["reason"] == "Two UN agencies."
    assert sorted(o["id"] for o in judgement["organizations"]) == given["organizations"]
    assert [s["source"]["id"] for s in judgement["sources"]] == ["source:gcg-2017-report"]
    for organization in given["organizations"]:
        listed = editor(
            f'{{ organization(id: "{organization}") {{ mergeJudgements {{ id verdict }} }} }}'
        )
        assert {"id": judgement["id"], "verdict": "DIFFERENT"} in listed["data"]["organization"][
            "mergeJudgements"
        ]
    again = editor(
        f'{{ node(id: "{judgement["id"]}") {{ kind ... on MergeJudgement {{ verdict }} }} }}'
    )
    assert again["data"]["node"] == {"kind": "merge-judgement", "verdict": "DIFFERENT"}


def test_unsure_is_a_verdict_and_no_reason_is_null_not_empty(editor: Ask) -> None:
    made = editor(CREATE, input=_judgement("organization:ilo", "organization:iom", "UNSURE"))
    assert "errors" not in made, made
    assert made["data"]["createMergeJudgement"]["verdict"] == "UNSURE"
    assert made["data"]["createMergeJudgement"]["reason"] is None


@pytest.mark.parametrize(
    ("organizations", "field"),
    [
        (["organization:ilo", "organization:ilo"], "organizations"),
        (["organization:ilo"], "organizations"),
        (["organization:ilo", "theme:child-labour"], "organizations"),
    ],
)
def test_a_judgement_needs_two_different_organizations(
    editor: Ask, organizations: list[str], field: str
) -> None:
    given = _judgement("", "", "SAME")
    refused = editor(CREATE, input={**given, "organizations": organizations})
    assert refused["data"] is None
    error = refused["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert field in str(error)


def test_a_judgement_needs_its_source(editor: Ask) -> None:
    given = {**_judgement("organization:ilo", "organization:iom", "SAME"), "cited": []}
    refused = editor(CREATE, input=given)
    assert refused["data"] is None
    assert "cited" in str(refused["errors"][0])


def test_an_anonymous_caller_cannot_record_one(as_key: Callable[[str | None], Ask]) -> None:
    refused = as_key(None)(CREATE, input=_judgement("organization:ilo", "organization:iom", "SAME"))
    assert refused["data"] is None
    assert refused["errors"][0]["extensions"]["code"] in ("UNAUTHENTICATED", "FORBIDDEN")
