"""What the Alliance asked to follow up, answered from the seed through GraphQL: who holds
which seat on the GCG and for whom, which organizations are pending or declined and since
when, which commitments are overdue on a day, which indicators report on child labour in a
country with their latest values, and which documents are evidence about a theme in a
region."""

from collections import Counter
from collections.abc import Callable
from typing import Any

from service.seed.graph import SeedGraph
from tests.conftest import data_of

Ask = Callable[..., dict[str, Any]]
GCG = "action-group:global-coordinating-group"


_data = data_of


def test_the_gcg_seats_name_each_person_and_the_organization_they_sit_for(
    gql: Ask, seed_graph: SeedGraph
) -> None:
    seats = _data(
        gql(
            """query($id: ID!) { actionGroup(id: $id) { seats {
                seat person { id name } organization { acronym name } organizationRecorded
                provenance { section } } } }""",
            id=GCG,
        )
    )["actionGroup"]["seats"]
    # Every seat the seed records on the GCG is listed once, held by its person; the
    # report's list gives one person two seats, and he is one record holding both.
    recorded = [
        (link.source_id, link.props["seat"])
        for link in seed_graph.links
        if link.type == "SEATED" and link.target_id == GCG
    ]
    assert sorted((s["person"]["id"], s["seat"]) for s in seats) == sorted(recorded)
    people = Counter(s["person"]["id"] for s in seats)
    assert people.most_common(1) == [("person:mathieu-luciano", 2)]
    by_person = {(s["person"]["name"], s["seat"]): s for s in seats}
    andrees = by_person[("Beate Andrees", "Chair, Action Group on Supply Chains, and Secretariat")]
    assert andrees["organization"]["acronym"] == "ILO"
    assert andrees["provenance"]["section"] == "In attendance"
    luciano = {s["seat"] for s in seats if s["person"]["name"] == "Mathieu Luciano"}
    assert luciano == {
        "Co-Chair, Action Group on Conflict and Humanitarian Settings",
        "Chair, Action Group on Migration",
    }
    # The report gives a post, not an organization, for one employer seat: it names none.
    [giulietti] = [s for s in seats if s["person"]["name"] == "Victoria Giulietti"]
    assert (giulietti["seat"], giulietti["organization"]) == ("Employer Representative", None)
    assert giulietti["organizationRecorded"] is False
    assert andrees["organizationRecorded"] is True


PERSON = """{ node(id: "person:mathieu-luciano") { ... on Person {
    name seats { role seat body { id } organization { acronym } } organizations { acronym } } } }"""


def test_one_person_in_two_seats_is_one_identity_found_by_search(gql: Ask) -> None:
    person = _data(gql(PERSON))["node"]
    # Asked again, the query takes the lean read path and answers the same.
    assert _data(gql(PERSON))["node"] == person
    bodies = Counter((s["role"], s["body"]["id"]) for s in person["seats"])
    assert bodies[("SEATED", GCG)] == 2
    assert bodies[("SEATED", "action-group:migration")] == 1
    assert bodies[("SEATED", "action-group:conflict-humanitarian-settings")] == 1
    assert bodies[("ATTENDED", "event:gcg-1-buenos-aires-2017")] == 1
    assert {s["organization"]["acronym"] for s in person["seats"]} == {"IOM"}
    assert person["organizations"] == [{"acronym": "IOM"}]
    hits = _data(gql('{ search(text: "Beate Andrees") { id kind } }'))["search"]
    assert hits[0] == {"id": "person:beate-andrees", "kind": "person"}


def test_people_show_on_their_organizations_and_meetings(gql: Ask, seed_graph: SeedGraph) -> None:
    found = _data(
        gql("""{ organization(id: "organization:ilo") { people { role seat person { name } body { id } } }
                 node(id: "event:gcg-1-buenos-aires-2017") { ... on Event {
                   people { role person { id name } organization { acronym } } } } }""")
    )
    ilo = {(p["role"], p["body"]["id"]) for p in found["organization"]["people"]}
    assert ("SEATED", GCG) in ilo
    assert ("SEATED", "action-group:supply-chains") in ilo
    assert {p["person"]["name"] for p in found["organization"]["people"]} == {"Beate Andrees"}
    meeting = found["node"]["people"]
    # Everyone the seed records at the meeting is listed as having attended it.
    attended = {
        link.source_id
        for link in seed_graph.links
        if link.type == "ATTENDED"
        and link.target_id == "event:gcg-1-buenos-aires-2017"
        and link.source_id.startswith("person:")
    }
    assert attended
    assert {p["person"]["id"] for p in meeting if p["role"] == "ATTENDED"} == attended
    [chair] = [p for p in meeting if p["role"] == "CHAIRED"]
    assert chair["person"]["name"] == "Geoffrey Shaw"


def test_public_answers_carry_no_contact_details(gql: Ask) -> None:
    people = _data(gql('{ search(text: "Shaw") { node { ... on Person { name contact } } } }'))
    shown = [h["node"] for h in people["search"] if h["node"]]
    assert {"name": "Geoffrey Shaw", "contact": None} in shown


def test_pending_and_blocked_standings_say_since_when_and_by_what_decision(gql: Ask) -> None:
    found = _data(
        gql("""{ memberships(standings: [PENDING, DECLINED, BLOCKED]) {
            standing since constituency decision organization { acronym } body { id }
            provenance { section } } }""")
    )["memberships"]
    by_org = {m["organization"]["acronym"]: m for m in found}
    assert set(by_org) == {"IOE", "IPCCLA"}
    ioe = by_org["IOE"]
    assert (ioe["standing"], ioe["since"], ioe["body"]["id"]) == ("PENDING", "2017-11-13", GCG)
    assert ioe["constituency"] == "employers"
    assert "Board" in ioe["decision"]
    assert ioe["provenance"]["section"] == "2. Partner Updates / Employers"
    # Blocked, not declined: one of IPCCLA's members stands in the way, as it does for the
    # partnership with the Rural Development group.
    assert by_org["IPCCLA"]["standing"] == "BLOCKED"
    assert by_org["IPCCLA"]["body"]["id"] == "organization:alliance-8-7"
    # The report discusses observers of the Alliance but records none; the one observer it
    # names is the OSCE, at the United Nations.
    observers = _data(
        gql("{ memberships(standings: [OBSERVER]) { organization { id } body { id } } }")
    )
    assert observers["memberships"] == [
        {"organization": {"id": "organization:osce"}, "body": {"id": "organization:united-nations"}}
    ]
    # The GCG's own list gives its seated members as members, with their seats.
    body = _data(
        gql(
            "query($id: ID!) { actionGroup(id: $id) { memberships { standing seat organization { acronym } } } }",
            id=GCG,
        )
    )["actionGroup"]["memberships"]
    assert {m["standing"] for m in body} == {"MEMBER", "PENDING"}
    assert {"standing": "PENDING", "seat": None, "organization": {"acronym": "IOE"}} in body


OVERDUE = """query($on: Date!) { commitments(filter: {overdueOn: $on}) {
  totalCount edges { node { id due status statusSince overdue(on: $on)
    madeBy { id } owners { id } initiative { id } } } } }"""


def test_commitments_overdue_on_a_day_are_those_due_before_it_and_still_open(gql: Ask) -> None:
    def overdue(day: str) -> dict[str, Any]:
        found: dict[str, Any] = _data(gql(OVERDUE, on=day))["commitments"]
        assert all(e["node"]["overdue"] for e in found["edges"])
        return {e["node"]["id"]: e["node"] for e in found["edges"]}

    assert overdue("2018-03-01") == {}
    # Due "2018-07" runs to 31 July 2018.
    assert list(overdue("2018-07-31")) == []
    assert list(overdue("2018-08-01")) == ["commitment:gcg-regular-meetings"]
    late = overdue("2026-12-01")
    assert list(late) == ["commitment:gcg-regular-meetings", "commitment:high-level-work-plan-2018"]
    plan = late["commitment:high-level-work-plan-2018"]
    # Its status is the report's, and says how old it is; its owners are not recorded.
    assert (plan["status"], plan["statusSince"], plan["due"]) == ("MADE", "2017-11-13", "2018")
    assert plan["madeBy"] == [{"id": GCG}]
    assert plan["owners"] == []
    assert plan["initiative"] == {"id": "initiative:high-level-work-plan-2018"}


def test_what_an_organization_committed_to_and_the_parts_of_a_plan(gql: Ask) -> None:
    found = _data(
        gql("""{ actionGroup(id: "action-group:secretariat") { commitments { id } }
                 organization(id: "organization:government-of-argentina") { commitments { id status } }
                 initiative(id: "initiative:high-level-work-plan-2018") { commitments { id owners { id } } }
                 commitments(filter: {statuses: [PROPOSED]}) { edges { node { id requestedBy { id } } } } }""")
    )
    assert {c["id"] for c in found["actionGroup"]["commitments"]} == {
        "commitment:register-members",
        "commitment:membership-options-paper",
        "commitment:detailed-outcome-report",
    }
    assert found["organization"]["commitments"] == [
        {"id": "commitment:support-global-conference-pledges", "status": "PROPOSED"}
    ]
    assert found["initiative"]["commitments"] == [
        {"id": "commitment:high-level-work-plan-2018", "owners": []}
    ]
    [call] = found["commitments"]["edges"]
    assert call["node"]["requestedBy"] == [{"id": "organization:government-of-argentina"}]


LATEST = """query($country: String!) {
  indicators(theme: "child-labour", country: $country) {
    id code unit target { value year }
    latest(country: $country) { value dataYear dataPeriod level matched publisher edition
      place { ... on Country { iso3 } ... on Region { id } } source { id } }
    values(country: $country) { dataYear level matched }
  }
}"""


def test_indicators_on_child_labour_in_a_country_with_their_latest_values(gql: Ask) -> None:
    [indicator] = _data(gql(LATEST, country="NGA"))["indicators"]
    assert (indicator["id"], indicator["code"]) == ("indicator:sdg-8-7-1", "8.7.1")
    assert indicator["target"] == {"value": 0.0, "year": 2025}
    latest = indicator["latest"]
    assert (latest["value"], latest["level"]) == (31.48, "country")
    # UNICEF gives the survey period, not the year: never the edition's 2021.
    assert latest["dataYear"] is None
    assert latest["dataPeriod"] == "a year in 2013-2021, not given by country"
    assert (latest["matched"], latest["place"]) == ("IN_PLACE", {"iso3": "NGA"})
    assert (latest["publisher"], latest["source"]["id"]) == ("UNICEF", "source:unicef-sowc-2023")
    assert latest["edition"] == "The State of the World's Children 2023"
    # Its values there: the country's own and the ILO region's, told apart.
    assert {(v["level"], v["matched"]) for v in indicator["values"]} == {
        ("country", "IN_PLACE"),
        ("region", "THROUGH_REGION"),
    }


def test_a_country_without_its_own_figure_gets_its_regions_marked_as_such(gql: Ask) -> None:
    [indicator] = _data(gql(LATEST, country="AND"))["indicators"]
    latest = indicator["latest"]
    # UNICEF publishes no figure for Andorra: the ILO region's estimate stands in, and says so.
    assert (latest["level"], latest["matched"]) == ("region", "THROUGH_REGION")
    assert latest["place"] == {"id": "region:ilo-europe-and-central-asia"}
    assert (latest["value"], latest["dataYear"]) == (4.1, 2016)
    assert latest["source"]["id"] == "source:global-estimates-child-labour-2017"
    assert latest["edition"]  # the publication, where the figure names no edition


def test_need_figures_are_observed_values_of_the_indicators(
    gql: Ask, seed_graph: SeedGraph
) -> None:
    found = _data(
        gql("""{ indicators { id values { dataYear } }
                 node(id: "theme:forced-labour") { ... on Theme { indicators { id } } } }""")
    )
    counts = {i["id"]: len(i["values"]) for i in found["indicators"]}
    # Every figure the seed loads for forced labour (the regional rates of each edition of
    # the Global Estimates) is one of its observed values.
    observed = Counter(
        end
        for link in seed_graph.links
        if link.type == "OBSERVES"
        for end in (link.source_id, link.target_id)
        if end.startswith("indicator:")
    )
    assert (
        counts["indicator:forced-labour-prevalence"]
        == observed["indicator:forced-labour-prevalence"]
    )
    assert counts["indicator:modern-slavery-prevalence"] > 100
    assert counts["indicator:sdg-8-7-1"] > 100
    assert found["node"]["indicators"] == [{"id": "indicator:forced-labour-prevalence"}]


def test_documents_that_are_evidence_about_a_theme_in_a_region(gql: Ask) -> None:
    found = _data(
        gql("""{ sources(filter: {theme: "child-labour", region: "region:ilo-africa"}) {
            edges { node { id documentType evidenceAbout { id } } } } }""")
    )["sources"]["edges"]
    ids = {e["node"]["id"] for e in found}
    assert "source:unicef-sowc-2023" in ids
    for edge in found:
        about = {a["id"] for a in edge["node"]["evidenceAbout"]}
        assert "theme:child-labour" in about
