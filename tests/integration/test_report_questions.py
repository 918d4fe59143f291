"""The questions the GCG report raises, asked in GraphQL, each answered with the report
section it comes from."""

from collections.abc import Callable
from typing import Any

Ask = Callable[..., dict[str, Any]]
REPORT = "Report of the 1st Meeting of the Alliance 8.7 Global Coordinating Group"


def test_who_co_chairs_the_conflict_and_humanitarian_settings_group(gql: Ask) -> None:
    body = gql("""{ actionGroup(id: "action-group:conflict-humanitarian-settings") {
        chairs { role organization { acronym } provenance { section source { title } } } } }""")
    chairs = body["data"]["actionGroup"]["chairs"]
    assert {c["organization"]["acronym"] for c in chairs} == {"IOM", "UNICEF", "UNHCR"}
    assert {c["role"] for c in chairs} == {"CO_CHAIR"}
    assert {c["provenance"]["section"] for c in chairs} == {"In attendance"}
    assert {c["provenance"]["source"]["title"] for c in chairs} == {REPORT}


def test_which_initiatives_the_ilo_leads_and_where(gql: Ask) -> None:
    body = gql("""{ organization(id: "organization:ilo") {
        initiatives(roles: [LEADS]) { initiative { id operatesIn { ... on Region { id } } }
                                      provenance { section } } } }""")
    led = body["data"]["organization"]["initiatives"]
    assert {i["initiative"]["id"] for i in led} == {
        "initiative:g20-joint-report-supply-chains",
        "initiative:supply-chains-priority-tool",
        "initiative:supply-chains-good-practice",
    }
    assert all(i["initiative"]["operatesIn"] == [{"id": "region:world"}] for i in led)
    assert {i["provenance"]["section"] for i in led} == {
        "2. Partner Updates / Action Groups / Supply Chains"
    }


def test_who_funds_the_knowledge_platform(gql: Ask) -> None:
    body = gql("""{ initiative(id: "initiative:knowledge-platform") {
        participants(roles: [FUNDS]) { organization { id type } provenance { section note } } } }""")
    funders = body["data"]["initiative"]["participants"]
    assert {f["organization"]["id"] for f in funders} == {
        "organization:government-of-the-united-kingdom",
        "organization:government-of-the-united-states",
    }
    assert {f["organization"]["type"] for f in funders} == {"GOVERNMENT"}
    assert {f["provenance"]["section"] for f in funders} == {
        "2. Partner Updates / Knowledge Platform (UN University)"
    }
    assert all(f["provenance"]["note"] for f in funders)


def test_which_meeting_ohchr_sent_apologies_to(gql: Ask) -> None:
    body = gql("""{ organization(id: "organization:ohchr") {
        events(roles: [SENT_APOLOGIES]) { event { id date city country { iso3 } }
                                          provenance { section } } } }""")
    [apology] = body["data"]["organization"]["events"]
    assert apology["event"] == {
        "id": "event:gcg-1-buenos-aires-2017",
        "date": "2017-11-13",
        "city": "Buenos Aires",
        "country": {"iso3": "ARG"},
    }
    assert apology["provenance"]["section"] == "In attendance"


def test_blocked_and_pending_partnerships_say_why(gql: Ask) -> None:
    body = gql("""{ actionGroup(id: "action-group:rural-development") {
        partnerships { status reason organization { acronym } provenance { section } } } }""")
    [blocked] = body["data"]["actionGroup"]["partnerships"]
    assert (blocked["status"], blocked["organization"]["acronym"]) == ("BLOCKED", "IPCCLA")
    assert "member organization" in blocked["reason"]
    assert (
        blocked["provenance"]["section"] == "2. Partner Updates / Action Groups / Rural Development"
    )


def test_every_node_answers_with_its_sources(gql: Ask) -> None:
    body = gql("""{ node(id: "organization:freedom-fund") { id kind name
        sources { section note source { id } } } }""")
    node = body["data"]["node"]
    assert (node["kind"], node["name"]) == ("organization", "The Freedom Fund")
    assert {s["section"] for s in node["sources"]} == {
        "2. Partner Updates / Secretariat",
        "2. Partner Updates / Civil Society",
    }
    assert {s["source"]["id"] for s in node["sources"]} == {"source:gcg-2017-report"}
