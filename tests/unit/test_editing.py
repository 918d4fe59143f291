"""Pure editing logic: duplicate-name matching, draft validation with field names as the
client spells them, relationship shape checks, and what a scoped key may create."""

import re

import pytest

from service.config import PROJECT_ROOT
from service.editing import duplicates, permissions
from service.editing.keys import Editor, bearer_token, check_key_request
from service.editing.relationships import RelationshipDraft, shape_problems
from service.errors import BadInput, Forbidden, Invalid
from service.model.fields import plain
from service.model.kinds import InitiativeDraft, OrganizationDraft, parse, slug
from service.model.relationships import RELATIONSHIPS

KNOWN = [
    duplicates.KnownOrganization("organization:ilo", "International Labour Organization", "ILO"),
    duplicates.KnownOrganization("organization:unicef", "United Nations Children's Fund", "UNICEF"),
    duplicates.KnownOrganization(
        "organization:unhcr", "Office of the United Nations High Commissioner for Refugees", "UNHCR"
    ),
]
CITED = [{"source": "source:gcg-2017-report", "note": "A note."}]


@pytest.mark.parametrize(
    ("name", "acronym", "expected", "reason"),
    [
        ("International Labour Organization", None, "organization:ilo", "same name"),
        ("international labour organization.", None, "organization:ilo", "same name"),
        (
            "Office of the United Nations High Comissioner for Refugee",
            None,
            "organization:unhcr",
            "similar spelling",
        ),
        (
            "Internationale Labour Organizatión",
            None,
            "organization:ilo",
            "acronym matches the initials of the name",
        ),
        ("Intl Labour Org", "ILO", "organization:ilo", "same acronym"),
        ("UNICEF", None, "organization:unicef", "one's name is the other's acronym"),
        ("United Nations Childrens Fund", None, "organization:unicef", "similar spelling"),
    ],
)
def test_likely_duplicates_are_found(
    name: str, acronym: str | None, expected: str, reason: str
) -> None:
    [found] = duplicates.candidates(name, acronym, KNOWN)
    assert (found.id, found.reason) == (expected, reason)


@pytest.mark.parametrize(
    "name",
    [
        "Office of the United Nations High Commissioner for Human Rights",
        "International Organization for Migration",
        "Walk Free Foundation",
    ],
)
def test_different_organizations_are_not_flagged(name: str) -> None:
    assert duplicates.candidates(name, None, KNOWN) == []


def test_draft_problems_name_each_field_in_camel_case() -> None:
    with pytest.raises(Invalid) as raised:
        parse(
            InitiativeDraft,
            {
                "name": "",
                "kind": "study",
                "status": "active",
                "work": [],
                "countries": ["ARG", "Narnia"],
                "sdg_targets": ["eight"],
                "cited": [],
            },
        )
    fields = {p.field for p in raised.value.problems}
    assert fields == {"name", "kind", "countries[1]", "sdgTargets[0]", "cited"}


def test_an_end_before_the_start_is_blamed_on_the_end() -> None:
    given = {"name": "X", "kind": "tool", "status": "active", "work": ["research"]}
    with pytest.raises(Invalid) as raised:
        parse(InitiativeDraft, {**given, "start": "2020-05", "end": "2020-04", "cited": CITED})
    [problem] = raised.value.problems
    assert problem.field == "end"
    # A partial end covers its whole year, so this is not before the start.
    parse(InitiativeDraft, {**given, "start": "2020-05", "end": "2020", "cited": CITED})


def test_ids_come_from_the_key_or_the_acronym_or_the_name() -> None:
    base = {"name": "Fundación Niños del Sur", "type": "ngo", "cited": CITED}
    assert parse(OrganizationDraft, base).node_id() == "organization:fundacion-ninos-del-sur"
    assert parse(OrganizationDraft, {**base, "acronym": "FNS"}).node_id() == "organization:fns"
    assert parse(OrganizationDraft, {**base, "key": "fns-ar"}).node_id() == "organization:fns-ar"
    assert parse(OrganizationDraft, {**base, "based_in": ["ar"]}).links() == {
        "BASED_IN": ["country:ARG"]
    }
    # A name with no letters gets a key of its own, not the "unnamed" every such name shared.
    assert slug("¡¿").startswith("name-")


def _link(**given: str) -> RelationshipDraft:
    base = {"from": "organization:ilo", "source": "source:gcg-2017-report", "note": "A note."}
    return parse(RelationshipDraft, {**base, **given})


def test_relationship_shapes_are_checked_before_any_lookup() -> None:
    assert shape_problems(_link(type="LEADS", to="initiative:x")) == []
    problems = shape_problems(_link(type="CHAIRS", to="initiative:x", seat="Workers"))
    assert {p.field for p in problems} == {"to", "seat", "role"}
    [inline] = shape_problems(
        _link(type="OPERATES_IN", to="country:ARG", **{"from": "initiative:x"})
    )
    assert inline.field == "type"
    assert "updateInitiative" in inline.reason


def test_a_scoped_key_creates_initiatives_and_sources_only() -> None:
    scoped = Editor("partner", "editor", "organization:walk-free-foundation")
    permissions.may_create(scoped, "initiative")
    permissions.may_create(scoped, "source")
    for kind in ("organization", "action-group", "event"):
        with pytest.raises(Forbidden):
            permissions.may_create(scoped, kind)
    permissions.may_create(Editor("desk", "editor"), "organization")
    with pytest.raises(Forbidden):
        permissions.may_delete(Editor("desk", "editor"))
    permissions.may_delete(Editor("root", "admin"))


def test_a_reader_key_writes_nothing() -> None:
    reader = Editor("auditor", "reader")
    for check in (
        lambda: permissions.may_create(reader, "source"),
        lambda: permissions.may_import(reader),
        lambda: permissions.may_merge(reader),
        lambda: permissions.may_delete(reader),
        lambda: permissions.may_write(reader),
    ):
        with pytest.raises(Forbidden, match="changes nothing"):
            check()
    assert reader.reads_actors
    assert not Editor("desk", "editor").reads_actors


@pytest.mark.parametrize(
    ("name", "role", "organization"),
    [("x", "editor", None), ("ok-name", "owner", None), ("ok-name", "admin", "organization:ilo")],
)
def test_bad_key_requests(name: str, role: str, organization: str | None) -> None:
    with pytest.raises(BadInput, match=r"^(name|role|organization): "):
        check_key_request(name, role, organization)


def test_only_bearer_tokens_of_our_form_are_read() -> None:
    assert bearer_token("Bearer a87_abc") == "a87_abc"
    for header in (None, "", "Basic a87_abc", "Bearer abc", "a87_abc"):
        with pytest.raises(Exception, match="valid API key"):
            bearer_token(header)


def test_names_in_other_scripts_keep_apart_and_get_latin_keys() -> None:
    red_crescent, islamic_relief = "جمعية الهلال الأحمر", "منظمة الإغاثة الإسلامية"
    assert plain(red_crescent) != plain(islamic_relief)
    assert plain(red_crescent) == plain("جمعية الهلال الأحمر ")
    assert slug(red_crescent) != slug(islamic_relief)
    assert slug("Союз трудящихся мигрантов") == "soyuz-trudyashchikhsya-migrantov"
    assert slug("国际劳工组织") == "guojilaogongzuzhi"
    # No letters at all: a key of its own from the name's hash, never one shared key.
    assert slug("!!!") != slug("???")
    assert slug("!!!").startswith("name-")


def test_the_rights_table_in_the_docs_follows_the_model() -> None:
    """docs/rights.md lists every relationship type with the ends it speaks for, as the
    model declares them (so the page cannot drift from the rule)."""
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in (PROJECT_ROOT / "docs" / "rights.md").read_text().splitlines()
        if re.match(r"^\| `[A-Z_]+` \|", line)
    ]
    documented = {row[0].strip("`"): set(row[2].split(", ")) for row in rows}
    assert documented == {t: set(r.speaks_for) for t, r in RELATIONSHIPS.items()}
