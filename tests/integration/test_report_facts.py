"""Asking the map what the GCG report answers: who is a member of the GCG, how its seats
fall by constituency, where the OSCE stands, which figure years are known, and finding an
organization by its French or Spanish name or acronym and an event by its city. Counts are
taken from the report's own text where it is beside the project (tests/report.py)."""

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import data_of
from tests.report import needs_report, sections

Ask = Callable[..., dict[str, Any]]
GCG = "action-group:global-coordinating-group"


_data = data_of


def test_memberships_by_standing_member_lists_every_seated_member_of_the_gcg(gql: Ask) -> None:
    members = _data(
        gql(
            """query($body: ID) { memberships(standings: [MEMBER], body: $body) {
                 standing seat organization { id } body { id } provenance { section } } }""",
            body=GCG,
        )
    )["memberships"]
    seated = _data(
        gql(
            f'{{ actionGroup(id: "{GCG}") {{ members(roles: [MEMBER]) '
            "{ organization { id } } } }"
        )
    )["actionGroup"]["members"]
    assert {m["organization"]["id"] for m in members} == {s["organization"]["id"] for s in seated}
    assert len(members) == 22  # the 21 organizations in attendance and OHCHR's apology
    assert {m["standing"] for m in members} == {"MEMBER"}
    assert {m["body"]["id"] for m in members} == {GCG}
    assert {m["provenance"]["section"] for m in members} == {"In attendance"}
    ilo = next(m for m in members if m["organization"]["id"] == "organization:ilo")
    assert ilo["seat"] == "Chair, Action Group on Supply Chains, and Secretariat"


def test_each_organization_has_one_standing_with_the_alliance(gql: Ask) -> None:
    everything = _data(gql("{ memberships { standing organization { id } body { id } } }"))
    standings = Counter(
        (m["organization"]["id"], m["body"]["id"]) for m in everything["memberships"]
    )
    assert [key for key, n in standings.items() if n > 1] == []
    ipccla = [
        m for m in everything["memberships"] if m["organization"]["id"] == "organization:ipccla"
    ]
    assert [m["standing"] for m in ipccla] == ["BLOCKED"]
    observer = _data(
        gql("{ memberships(standings: [OBSERVER]) { organization { id } body { id } } }")
    )
    assert observer["memberships"] == [
        {"organization": {"id": "organization:osce"}, "body": {"id": "organization:united-nations"}}
    ]


# How the report's seat column reads, by constituency: the seat decides (an employers'
# seat is the employers'), the chairs' seats go by the body holding them.
_SEAT_WORDS = {
    "Friends of Alliance 8.7": "governments",
    "member regional organization": "UN and other international organizations",
    "AG,": "UN and other international organizations",
    "International/Regional Organisations": "UN and other international organizations",
    "Worker Representative": "workers' organizations",
    "Global Union Federation": "workers' organizations",
    "Employer Representative": "employers' organizations",
    "Multinational enterprise": "business",
    "NGO representative": "civil society",
}


def _report_seats() -> Counter[str]:
    """The attendance table's seats by constituency, one per person listed."""
    counted: Counter[str] = Counter()
    for line in sections()["In attendance"].splitlines():
        cells = line.split("\t")
        if len(cells) != 3 or cells[0] == "Member seat":
            continue
        constituency = next(c for words, c in _SEAT_WORDS.items() if words in cells[0])
        # The co-chairs' row names three people and three organizations (starred).
        counted[constituency] += max(1, cells[2].count("*"))
    return counted


@needs_report
def test_gcg_seats_are_counted_by_the_constituency_of_the_seat(gql: Ask) -> None:
    gaps = _data(
        gql("{ constituencyGaps { group { id } absent present { constituency members seats } } }")
    )["constituencyGaps"]
    gcg = next(g for g in gaps if g["group"]["id"] == GCG)
    seats = {p["constituency"]: p["seats"] for p in gcg["present"] if p["seats"]}
    assert seats == dict(_report_seats())
    assert sum(seats.values()) == 23
    # Two employer seats, though the report names the organization of one only.
    assert seats["employers' organizations"] == 2
    # A constituency seated on the body is never shown as absent from it.
    assert not set(gcg["absent"]) & set(seats)
    present = {p["constituency"]: p["members"] for p in gcg["present"]}
    assert "Government of Peru" in present["UN and other international organizations"]
    assert "Government of Peru" not in present["governments"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OIT", "organization:ilo"),
        ("Organisation internationale du Travail", "organization:ilo"),
        ("Organización Internacional para las Migraciones", "organization:iom"),
        ("ACNUR", "organization:unhcr"),
        ("ONU Mujeres", "organization:un-women"),
        ("Confederación Sindical Internacional", "organization:ituc"),
        ("union obrera construccion", "organization:uocra"),  # accents left out
        ("UN University", "organization:unu"),
        ("Berlin", "event:supply-chains-action-group-berlin-2017"),
        ("Budapest", "event:europe-central-asia-consultation-2017"),
        ("HLPF", "event:hlpf-2018"),
    ],
)
def test_search_finds_other_names_and_cities(gql: Ask, text: str, expected: str) -> None:
    hits = _data(gql("query($t: String!) { search(text: $t, first: 3) { id } }", t=text))
    assert expected in [h["id"] for h in hits["search"]], hits


def test_search_finds_an_event_by_its_city(gql: Ask) -> None:
    hits = _data(gql('{ search(text: "Buenos Aires", first: 10) { id } }'))["search"]
    assert "event:gcg-1-buenos-aires-2017" in [h["id"] for h in hits]


def test_aliases_are_read_with_their_language(gql: Ask) -> None:
    ilo = _data(gql('{ organization(id: "organization:ilo") { aliases { name language } } }'))
    assert {"name": "OIT", "language": "es"} in ilo["organization"]["aliases"]
    assert {"name": "Organisation internationale du Travail", "language": "fr"} in ilo[
        "organization"
    ]["aliases"]


def test_an_inferred_date_says_so_and_from_what(gql: Ask) -> None:
    event = _data(
        gql(
            '{ node(id: "event:gcg-2-new-york-2018") { ... on Event { date city '
            "inferred { field inferredFrom } } } }"
        )
    )["node"]
    assert (event["date"], event["city"]) == ("2018-07", "New York")
    [inferred] = event["inferred"]
    assert inferred["field"] == "date"
    assert "July" in inferred["inferredFrom"]
    alliance = _data(
        gql('{ organization(id: "organization:alliance-8-7") { founded inferred { field } } }')
    )["organization"]
    assert alliance == {"founded": "2016", "inferred": [{"field": "founded"}]}
    # A place the report leaves open says it is inferred where it is used.
    platform = _data(
        gql(
            '{ node(id: "initiative:knowledge-platform") { relationships(types: ["OPERATES_IN"]) '
            "{ node { id } provenance { basis inferredFrom } } } }"
        )
    )["node"]["relationships"]
    assert [(r["node"]["id"], r["provenance"]["basis"]) for r in platform] == [
        ("region:world", "INFERRED")
    ]


def test_unicef_country_figures_carry_a_period_not_the_editions_year(gql: Ask) -> None:
    rows = _data(
        gql("""{ coverage(theme: "theme:child-labour", level: COUNTRY) {
                  place { ... on Country { iso3 } } need { basis dataYear dataPeriod flag } } }""")
    )["coverage"]
    own = {
        r["place"]["iso3"]: r["need"] for r in rows if r["need"] and r["need"]["basis"] == "COUNTRY"
    }
    assert own, "no country has a child labour figure of its own"
    assert {n["dataYear"] for n in own.values()} == {None}
    assert own["AFG"]["dataPeriod"] == "a year in 2013-2021, not given by country"
    assert "outside 2013-2021" in own["ALB"]["dataPeriod"]  # flagged x by UNICEF
    slavery = _data(
        gql("""{ coverage(theme: "theme:modern-slavery", level: COUNTRY) {
                  place { ... on Country { iso3 } } need { basis dataYear dataPeriod } } }""")
    )["coverage"]
    afghanistan = next(r["need"] for r in slavery if r["place"]["iso3"] == "AFG")
    assert (afghanistan["dataYear"], afghanistan["dataPeriod"]) == (2021, None)
