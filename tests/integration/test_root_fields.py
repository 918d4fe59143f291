"""Every root field, its filters and its paging, against the seeded map."""

from collections.abc import Callable
from typing import Any

import pytest

from service.seed.graph import SeedGraph

Ask = Callable[..., dict[str, Any]]


ORGS = """query($filter: OrganizationFilter, $first: Int, $after: String) {
  organizations(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }"""
INITIATIVES = """query($filter: InitiativeFilter, $first: Int) {
  initiatives(filter: $filter, first: $first) { totalCount edges { node { id } } } }"""


def _ids(connection: dict[str, Any]) -> set[str]:
    return {edge["node"]["id"] for edge in connection["edges"]}


def _seeded(seed_graph: SeedGraph, kind: str) -> set[str]:
    """The ids of every record of a kind the seed holds."""
    return {node.id for node in seed_graph.nodes if node.kind == kind}


def test_paging_through_organizations_visits_each_once(gql: Ask, seed_graph: SeedGraph) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = gql(ORGS, first=7, after=after)["data"]["organizations"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == page["totalCount"]
    assert set(seen) == _seeded(seed_graph, "organization")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            {"type": "GOVERNMENT"},
            {
                "organization:government-of-argentina",
                "organization:government-of-australia",
                "organization:government-of-peru",
                "organization:government-of-the-united-kingdom",
                "organization:government-of-the-united-states",
            },
        ),
        ({"text": "unicef"}, {"organization:unicef"}),
        # Based in Cambodia, or working there, in a region holding it, or worldwide (the
        # one place rule): the Global Estimates' partners, the worldwide platforms and the G20,
        # whose employment ministers' declaration is on global supply chains.
        (
            {"country": "KHM"},
            {
                "organization:sok-siphana-associates",
                "organization:alliance-8-7",
                "organization:g20",
                "organization:global-march",
                "organization:government-of-the-united-kingdom",
                "organization:government-of-the-united-states",
                "organization:ilo",
                "organization:iom",
                "organization:osce",
                "organization:unu",
            },
        ),
        (
            {"actionGroup": "action-group:supply-chains"},
            {
                "organization:ilo",
                "organization:business-network-child-labour",
                "organization:business-network-forced-labour",
            },
        ),
        ({"theme": "theme:rural-development"}, {"organization:fao"}),
        (
            {"region": "region:un-south-america", "type": "GOVERNMENT"},
            {
                "organization:government-of-argentina",
                "organization:government-of-peru",
                # funding worldwide work, which reaches South America too
                "organization:government-of-the-united-kingdom",
                "organization:government-of-the-united-states",
            },
        ),
        ({"sdgTarget": "5.2"}, set()),
    ],
)
def test_organization_filters(gql: Ask, given: dict[str, str], expected: set[str]) -> None:
    page = gql(ORGS, filter=given, first=100)["data"]["organizations"]
    assert _ids(page) == expected
    assert page["totalCount"] == len(expected)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"kind": "TOOL"}, {"initiative:supply-chains-priority-tool"}),
        ({"sdgTarget": "sdg-target:5.2"}, {"initiative:sdg-5-2-partnership"}),
        ({"theme": "rural-development"}, set()),
        (
            {"actionGroup": "action-group:migration"},
            {
                "initiative:migration-knowledge-stocktake",
                "initiative:migration-strategic-work-plan",
            },
        ),
        ({"organization": "organization:unu"}, {"initiative:knowledge-platform"}),
        ({"text": "G20", "status": "ACTIVE"}, {"initiative:g20-joint-report-supply-chains"}),
        (
            {"activeOn": "2016-06-01", "kind": "RESEARCH", "status": "ACTIVE"},
            {"initiative:supply-chains-good-practice", "initiative:conflict-evidence-base"},
        ),  # the others start in 2017; these two have no start the report gives
        (
            {"activeOn": "2017-06-01", "kind": "RESEARCH"},
            {
                "initiative:conflict-evidence-base",
                "initiative:supply-chains-good-practice",
                "initiative:modern-slavery-in-migration-prevalence",
                "initiative:global-estimates-modern-slavery",
            },
        ),  # not the undated, planned stocktake
    ],
)
def test_initiative_filters(gql: Ask, given: dict[str, str], expected: set[str]) -> None:
    page = gql(INITIATIVES, filter=given, first=100)["data"]["initiatives"]
    assert _ids(page) == expected


def test_a_country_filter_takes_in_the_countrys_regions(gql: Ask) -> None:
    hungary = _ids(gql(INITIATIVES, filter={"country": "HUN"}, first=100)["data"]["initiatives"])
    world = _ids(
        gql(INITIATIVES, filter={"region": "region:world"}, first=100)["data"]["initiatives"]
    )
    assert "initiative:regional-consultations-2017" in hungary  # via Europe and Central Asia
    assert hungary == world  # nothing in the seed works in Hungary alone
    europe = _ids(
        gql(INITIATIVES, filter={"region": "region:ilo-europe-and-central-asia"}, first=100)[
            "data"
        ]["initiatives"]
    )
    # One place rule: the region and a country in it agree about worldwide work. Hungary also
    # lies in the OSCE area, where the OSCE Special Representative works, which Europe and
    # Central Asia does not contain.
    assert europe == hungary - {"initiative:osce-special-representative"}
    assert "initiative:osce-special-representative" in hungary


def test_who_is_doing_what_where_says_how_a_country_matched(gql: Ask) -> None:
    body = gql("""{ whoIsDoingWhatWhere(where: {country: "HU", organizationType: INTERGOVERNMENTAL}) {
        totalCount edges { node { organization { id } role initiative { id } matchedVia
          places { ... on Region { id } } themes { id } sdgTargets { code } sources { section } } } } }""")
    rows = [e["node"] for e in body["data"]["whoIsDoingWhatWhere"]["edges"]]
    osce = next(
        r for r in rows if r["initiative"]["id"] == "initiative:regional-consultations-2017"
    )
    assert (osce["organization"]["id"], osce["role"]) == ("organization:osce", "PARTNERS_IN")
    assert osce["matchedVia"] == "region:ilo-europe-and-central-asia"
    assert {"region:world", "region:ilo-europe-and-central-asia"} == {
        p["id"] for p in osce["places"]
    }
    assert [t["code"] for t in osce["sdgTargets"]] == ["8.7"]
    assert osce["sources"] == [{"section": "2. Partner Updates / Regional Organizations (OSCE)"}]
    assert all(r["organization"]["id"] in {"organization:osce", "organization:g20"} for r in rows)


def test_who_is_doing_what_where_by_theme(gql: Ask) -> None:
    body = gql("""{ whoIsDoingWhatWhere(where: {theme: "theme:migration"}) {
        edges { node { organization { id } organizationRecorded role initiative { id } } } } }""")
    edges = body["data"]["whoIsDoingWhatWhere"]["edges"]
    rows = {
        (e["node"]["organization"]["id"], e["node"]["role"], e["node"]["initiative"]["id"])
        for e in edges
        if e["node"]["organizationRecorded"]
    }
    # Initiatives no organization is recorded for still appear, each once, saying so.
    unowned = [
        (e["node"]["organization"], e["node"]["role"], e["node"]["initiative"]["id"])
        for e in edges
        if not e["node"]["organizationRecorded"]
    ]
    assert unowned == [
        (None, None, "initiative:global-compact-on-migration"),
        (None, None, "initiative:migration-strategic-work-plan"),
    ]
    assert rows == {
        ("organization:ilo", "PARTNERS_IN", "initiative:modern-slavery-in-migration-prevalence"),
        ("organization:iom", "PARTNERS_IN", "initiative:modern-slavery-in-migration-prevalence"),
        (
            "organization:walk-free-foundation",
            "PARTNERS_IN",
            "initiative:modern-slavery-in-migration-prevalence",
        ),
        ("organization:iom", "LEADS", "initiative:migration-knowledge-stocktake"),
    }


def test_single_lookups(gql: Ask, seed_graph: SeedGraph) -> None:
    body = gql("""{ country(iso3: "arg") { id iso2 unRegion iloRegion regions { id }
                      organizations { id } events { id } }
                    sdgTarget(code: "8.7") { name goal { number name } initiatives { id } }
                    initiative(id: "initiative:knowledge-platform") { initiativeKind status start
                      coordinatedBy { id } themes { id } sdgTargets { code } } }""")
    data = body["data"]
    assert data["country"]["id"] == "country:ARG"
    assert {r["id"] for r in data["country"]["regions"]} == {
        "region:un-americas",
        "region:un-south-america",
        "region:ilo-americas",
    }
    assert "organization:uocra" in {o["id"] for o in data["country"]["organizations"]}
    assert {e["id"] for e in data["country"]["events"]} == {"event:gcg-1-buenos-aires-2017"}
    assert data["sdgTarget"]["goal"] == {"number": 8, "name": "Decent work and economic growth"}
    # Every initiative the seed says contributes to target 8.7, and no other.
    assert {i["id"] for i in data["sdgTarget"]["initiatives"]} == {
        link.source_id
        for link in seed_graph.links
        if link.type == "CONTRIBUTES_TO"
        and link.target_id == "sdg-target:8.7"
        and link.source_id.startswith("initiative:")
    }
    assert data["initiative"]["initiativeKind"] == "PLATFORM"


def test_lists(gql: Ask, seed_graph: SeedGraph) -> None:
    body = gql("""{ actionGroups(kind: ACTION_GROUP) { id themes { id } }
        countries(filter: {region: "region:un-south-america"}) { iso3 }
        sdgTargets(goal: 8) { code }
        themes { id }
        events(filter: {status: PLANNED}) { id date } }""")
    data = body["data"]
    assert {g["id"] for g in data["actionGroups"]} == {
        "action-group:conflict-humanitarian-settings",
        "action-group:migration",
        "action-group:supply-chains",
        "action-group:rural-development",
    }
    # Every country UN M49 places in South America, and no other.
    assert {f"country:{c['iso3']}" for c in data["countries"]} == {
        link.source_id
        for link in seed_graph.links
        if link.type == "IN_REGION" and link.target_id == "region:un-south-america"
    }
    assert "ARG" in {c["iso3"] for c in data["countries"]}
    assert [t["code"] for t in data["sdgTargets"]][-4:] == ["8.9", "8.10", "8.a", "8.b"]
    assert {t["id"] for t in data["themes"]} == _seeded(seed_graph, "theme")
    assert data["events"][0]["date"] == "2018-07"  # dated first, then undated
    assert data["events"][-1]["date"] is None


def test_search_ranks_hits_of_every_kind(gql: Ask) -> None:
    hits = gql('{ search(text: "knowledge platform", first: 5) { id kind score } }')["data"][
        "search"
    ]
    assert hits[0]["id"] == "initiative:knowledge-platform"
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert "organization:unu" in {h["id"] for h in hits}


def test_graph_is_bounded_and_drawable(gql: Ask) -> None:
    body = gql("""{ graph(focus: "organization:ilo", depth: 2, filter: {limit: 12}) {
        focus truncated nodes { id kind label } edges { id source target type } } }""")
    graph = body["data"]["graph"]
    ids = {n["id"] for n in graph["nodes"]}
    assert len(ids) == 12
    assert graph["truncated"] is True
    assert "organization:ilo" in ids
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    assert "CITED_IN" not in {e["type"] for e in graph["edges"]}


def test_graph_filters_kinds(gql: Ask) -> None:
    body = gql("""{ graph(focus: "action-group:conflict-humanitarian-settings", depth: 1,
                          filter: {kinds: ["organization"]}) { truncated nodes { id kind } } }""")
    graph = body["data"]["graph"]
    assert graph["truncated"] is False
    assert {n["kind"] for n in graph["nodes"][1:]} == {"organization"}
    assert {"organization:iom", "organization:unicef", "organization:unhcr"} <= {
        n["id"] for n in graph["nodes"]
    }


def test_graph_without_focus_draws_the_work_on_a_theme(gql: Ask) -> None:
    drawn = gql("""{ graph(filter: {theme: "child-labour"}) {
        focus truncated nodes { id kind degree } edges { source target } } }""")["data"]["graph"]
    listed = gql("""{ initiatives(filter: {theme: "child-labour"}, first: 100) {
        edges { node { id } } } }""")["data"]["initiatives"]["edges"]
    kinds = {n["kind"] for n in drawn["nodes"]}
    assert drawn["focus"] is None
    assert drawn["truncated"] is False
    assert {e["node"]["id"] for e in listed} <= {n["id"] for n in drawn["nodes"]}
    assert {"organization", "action-group", "initiative"} <= kinds
    assert kinds <= {
        "organization",
        "action-group",
        "initiative",
        "country",
        "region",
        "sdg-target",
    }
    for node in drawn["nodes"]:
        touching = [e for e in drawn["edges"] if node["id"] in (e["source"], e["target"])]
        assert node["degree"] == len(touching)


def test_graph_organization_type_keeps_only_that_type(gql: Ask) -> None:
    drawn = gql("""{ graph(filter: {organizationType: WORKERS}) {
        nodes { id kind } } }""")["data"]["graph"]
    organizations = {n["id"] for n in drawn["nodes"] if n["kind"] == "organization"}
    unions = gql("""{ organizations(filter: {type: WORKERS}, first: 100) {
        edges { node { id } } } }""")["data"]["organizations"]["edges"]
    assert organizations == {e["node"]["id"] for e in unions}
    assert "action-group" in {n["kind"] for n in drawn["nodes"]}


def test_graph_without_focus_reports_when_the_limit_cuts_it(gql: Ask) -> None:
    drawn = gql("{ graph(filter: {limit: 30}) { truncated nodes { id } } }")["data"]["graph"]
    assert drawn["truncated"] is True
    assert len(drawn["nodes"]) == 30


def test_initiatives_by_organization_type(gql: Ask) -> None:
    found = gql("""{ initiatives(filter: {organizationType: GOVERNMENT}, first: 100) {
        totalCount edges { node { id participants { organization { type } } } } } }""")
    page = found["data"]["initiatives"]
    assert page["totalCount"] > 0
    for edge in page["edges"]:
        assert "GOVERNMENT" in {p["organization"]["type"] for p in edge["node"]["participants"]}


def test_regions_by_scheme(gql: Ask) -> None:
    ilo = gql('{ regions(scheme: "ILO region") { name scheme } }')["data"]["regions"]
    assert [r["name"] for r in ilo] == [
        "Africa",
        "Americas",
        "Arab States",
        "Asia and the Pacific",
        "Europe and Central Asia",
    ]
    every = gql("{ regions { scheme } }")["data"]["regions"]
    assert {r["scheme"] for r in every} == {
        "World",
        "UN M49 region",
        "UN M49 sub-region",
        "ILO region",
        "OSCE area",
    }


def test_every_initiative_is_in_who_is_doing_what_where(gql: Ask, seed_graph: SeedGraph) -> None:
    """Every seeded initiative has at least one row, with its organizations or, where the
    map records none, one row saying so."""
    seen: set[str] = set()
    after = None
    while True:
        page = gql(
            """query($after: String) { whoIsDoingWhatWhere(first: 100, after: $after) {
            pageInfo { hasNextPage endCursor } edges { node { initiative { id } } } } }""",
            after=after,
        )["data"]["whoIsDoingWhatWhere"]
        seen |= {e["node"]["initiative"]["id"] for e in page["edges"]}
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    listed = _ids(gql(INITIATIVES, first=100)["data"]["initiatives"])
    assert seen == listed == _seeded(seed_graph, "initiative")


def test_a_region_and_its_countries_agree_about_worldwide_work(gql: Ask) -> None:
    """Child labour in Africa and in Nigeria: the worldwide work is in both, said to match
    worldwide; nothing is placed in Africa that Nigeria would not see."""
    query = """query($where: WhoFilter) { whoIsDoingWhatWhere(where: $where, first: 100) {
        totalCount edges { node { initiative { id } matched matchedVia } } } }"""
    africa = gql(query, where={"theme": "theme:child-labour", "region": "region:un-africa"})
    nigeria = gql(query, where={"theme": "theme:child-labour", "country": "NGA"})
    a = africa["data"]["whoIsDoingWhatWhere"]
    n = nigeria["data"]["whoIsDoingWhatWhere"]
    assert a["totalCount"] == n["totalCount"] > 0
    assert {e["node"]["initiative"]["id"] for e in a["edges"]} == {
        e["node"]["initiative"]["id"] for e in n["edges"]
    }
    worldwide = [e["node"] for e in n["edges"] if e["node"]["matched"] == "WORLDWIDE"]
    assert worldwide
    assert all(w["matchedVia"] == "region:world" for w in worldwide)


def test_inferred_facts_say_so_and_from_what(gql: Ask, seed_graph: SeedGraph) -> None:
    """The report names no lead for the Supply Chains group's outputs: the ILO's lead is
    inferred from its chair and says so; a stated role says STATED; the GCG endorsed the
    work plan (an endorsement of its own, not coordination)."""
    body = gql("""{ g20: initiative(id: "initiative:g20-joint-report-supply-chains") {
        participants { role organization { id } provenance { basis inferredFrom } } }
      plan: initiative(id: "initiative:high-level-work-plan-2018") {
        endorsedBy { id } coordinatedBy { id } } }""")["data"]
    roles = {
        (p["role"], p["organization"]["id"]): p["provenance"] for p in body["g20"]["participants"]
    }
    lead = roles[("LEADS", "organization:ilo")]
    assert lead["basis"] == "INFERRED"
    assert "chairs the Action Group on Supply Chains" in lead["inferredFrom"]
    assert roles[("REQUESTED", "organization:g20")]["basis"] == "STATED"
    assert body["plan"]["endorsedBy"] == [{"id": "action-group:global-coordinating-group"}]
    assert body["plan"]["coordinatedBy"] == []
    leads = gql("""{ whoIsDoingWhatWhere(first: 100) { edges { node { role
        organization { id } initiative { id } sources { basis } } } } }""")["data"][
        "whoIsDoingWhatWhere"
    ]["edges"]
    inferred = {
        (e["node"]["organization"]["id"], e["node"]["role"], e["node"]["initiative"]["id"])
        for e in leads
        if e["node"]["sources"] and e["node"]["sources"][0]["basis"] == "INFERRED"
    }
    # Every role the seed marks as inferred (leads inferred from who chairs the group,
    # platforms hosted by who runs them) reads as inferred, and no stated one does.
    assert inferred == {
        (link.source_id, link.type, link.target_id)
        for link in seed_graph.links
        if link.props.get("basis") == "inferred"
        and link.target_id.startswith("initiative:")
        and link.source_id.startswith("organization:")
    }
    assert {role for _, role, _ in inferred} == {"LEADS", "HOSTS"}


def test_stored_relationships_show_with_their_provenance(gql: Ask) -> None:
    """Standing with another organization, follow-ups and the rest are readable as typed
    relationships with their source; an organization's themes say they are derived."""
    body = gql("""{ organization(id: "organization:osce") { themes { id } themesBasis
        relationships(types: ["MEMBERSHIP"]) { type outgoing node { id } properties
          provenance { source { id } section basis } } } }""")["data"]["organization"]
    icat = next(r for r in body["relationships"] if r["node"]["id"] == "organization:icat")
    assert icat["outgoing"] is True
    assert icat["properties"] == {"standing": "partner"}
    assert icat["provenance"]["source"]["id"] == "source:gcg-2017-report"
    assert icat["provenance"]["basis"] == "STATED"
    assert body["themesBasis"] == "INFERRED"
    assert body["themes"]
    wrong = gql(
        '{ organization(id: "organization:osce") { relationships(types: ["LIKES"]) { type } } }'
    )
    assert wrong["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_time_does_not_stand_still(gql: Ask) -> None:
    """A 2018 plan recorded as planned in 2017 is not active in 2025; what is counted as
    active shows when it was last verified (the report's date), so a stale fact looks stale;
    events and initiatives filter by a range of dates."""
    body = gql("""{ later: initiatives(filter: {activeOn: "2025-01-01"}, first: 100) {
        edges { node { id status lastVerified } } }
      range: initiatives(filter: {activeFrom: "2017-01-01", activeTo: "2017-12-31"}, first: 100) {
        edges { node { id status } } }
      november: events(filter: {dateFrom: "2017-11-13", dateTo: "2017-11-13"}) { id }
      plan: initiative(id: "initiative:high-level-work-plan-2018") { status start lastVerified } }""")
    data = body["data"]
    later = {e["node"]["id"]: e["node"] for e in data["later"]["edges"]}
    assert data["plan"]["status"] == "PLANNED"
    assert "initiative:high-level-work-plan-2018" not in later
    assert later
    assert {n["status"] for n in later.values()} == {"ACTIVE"}
    assert {n["lastVerified"] for n in later.values()} == {"2017-11-13"}
    assert {e["node"]["status"] for e in data["range"]["edges"]} <= {"ACTIVE", "COMPLETED"}
    assert "event:gcg-1-buenos-aires-2017" in {e["id"] for e in data["november"]}
    assert "event:gcg-2-new-york-2018" not in {e["id"] for e in data["november"]}
    half = gql('{ initiatives(filter: {activeFrom: "2017-01-01"}) { totalCount } }')
    assert half["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "give both" in half["errors"][0]["message"]


def test_statuses_and_relationships_say_from_when_they_hold(gql: Ask) -> None:
    """An initiative's status and each relationship carry the day they are known to hold
    (the report's date), and a relationship its own dates where the source gives them."""
    body = gql("""{ plan: initiative(id: "initiative:high-level-work-plan-2018") {
        status statusSince
        relationships(types: ["ENDORSED"]) { type since until asOf ended } } }""")
    plan = body["data"]["plan"]
    assert plan["statusSince"] == "2017-11-13"
    [endorsed] = plan["relationships"]
    assert endorsed == {
        "type": "ENDORSED",
        "since": None,
        "until": None,
        "asOf": "2017-11-13",
        "ended": False,
    }


def test_platforms_run_by_organizations_are_initiatives_hosted_by_them(gql: Ask) -> None:
    """The Alliance and ICAT are organizations; the platforms they run are initiatives of
    kind platform hosted by them (inferred, and said so), which overlaps compare."""
    body = gql("""{ a: initiative(id: "initiative:alliance-8-7-platform") { initiativeKind
        participants { role organization { id } provenance { basis inferredFrom } }
        relationships(types: ["COMPLEMENTS"]) { node { id } } }
      icat: initiative(id: "initiative:icat-coordination") { initiativeKind
        participants { role organization { id } } } }""")["data"]
    assert body["a"]["initiativeKind"] == body["icat"]["initiativeKind"] == "PLATFORM"
    [host] = body["a"]["participants"]
    assert (host["role"], host["organization"]["id"]) == ("HOSTS", "organization:alliance-8-7")
    assert host["provenance"]["basis"] == "INFERRED"
    complemented = {r["node"]["id"] for r in body["a"]["relationships"]}
    assert complemented == {
        "initiative:icat-coordination",
        "initiative:global-compact-on-migration",
    }
    assert body["icat"]["participants"][0]["organization"]["id"] == "organization:icat"


def test_a_country_shows_the_goods_list_and_tip_tiers_as_context(gql: Ask) -> None:
    """Côte d'Ivoire: cocoa on the 2016 goods list, and its TIP tiers by year, each citing
    its list; context never enters need."""
    body = gql("""{ country(iso3: "CIV") { goodsList { year childLabour source }
        tipTiers { year tier } sources { source { id } } } }""")["data"]["country"]
    assert body["goodsList"]["year"] == 2016
    assert "Cocoa" in body["goodsList"]["childLabour"]
    tiers = {t["year"]: t["tier"] for t in body["tipTiers"]}
    assert tiers[2015] == "Tier 2"
    assert min(tiers) == 2001
    cited = {s["source"]["id"] for s in body["sources"]}
    assert {"source:usdol-goods-list-2016", "source:us-tip-tiers-2001-2015"} <= cited
    norway = gql('{ country(iso3: "NOR") { goodsList { year } } }')["data"]["country"]
    assert norway["goodsList"] is None


def test_search_puts_the_maps_own_records_before_sdg_wording(gql: Ask) -> None:
    """ "trafficking" leads with the map's trafficking theme and initiatives, not with the
    SDG targets on wildlife or arms trafficking that share the word; "8.7" still finds the
    target when nothing else matches."""
    hits = gql('{ search(text: "trafficking", first: 8) { id kind } }')["data"]["search"]
    kinds = [h["kind"] for h in hits]
    assert "theme:human-trafficking" in [h["id"] for h in hits[:3]]
    first_target = kinds.index("sdg-target") if "sdg-target" in kinds else len(kinds)
    assert all(k != "sdg-target" for k in kinds[:first_target])
    assert set(kinds[first_target:]) <= {"sdg-target", "sdg"}
    wildlife = gql('{ search(text: "poaching", first: 3) { id kind } }')["data"]["search"]
    assert wildlife
    assert wildlife[0]["kind"] == "sdg-target"  # nothing of the map's own mentions it
