"""The explorer in a real headless Chromium against the running service on the seed:
each view renders real data, filters change it, a node opens its details and sources,
the gap map colours every ILO region, the overlaps match the seed's, and a failing API
shows a clear message. Each view is saved as a screenshot (see conftest.py)."""

import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import screenshot
from tests.integration.test_overlaps import EXPECTED

pytestmark = pytest.mark.e2e

ILO_REGIONS = {
    "Africa",
    "Americas",
    "Arab States",
    "Asia and the Pacific",
    "Europe and Central Asia",
}


def _ask(base_url: str, query: str) -> dict[str, Any]:
    body: dict[str, Any] = httpx.post(f"{base_url}/graphql", json={"query": query}).json()
    return body["data"]


def _drawn(page: Page) -> int:
    expect(page.locator("#network")).to_have_attribute("data-state", "ready")
    return int(page.locator("#network").get_attribute("data-nodes") or 0)


def _click_node(page: Page, node_id: str) -> None:
    """A real mouse click on the node, after centring and zooming on it."""
    page.locator("#network").scroll_into_view_if_needed()
    point = page.evaluate(
        """(id) => {
            const cy = window.explorer.network;
            const node = cy.getElementById(id);
            cy.zoom(2.5);
            cy.center(node);
            const at = node.renderedPosition();
            const box = cy.container().getBoundingClientRect();
            return { x: box.left + at.x, y: box.top + at.y };
        }""",
        node_id,
    )
    # Cytoscape settles a zoom and pan on its next frames; a person clicks after that.
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.mouse.click(point["x"], point["y"])


def test_network_draws_the_map_and_a_filter_narrows_it(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=network")
    whole = _drawn(page)
    expected = _ask(base_url, "{ graph(filter: {limit: 400}) { nodes { id } } }")
    assert whole == len(expected["graph"]["nodes"])
    label = page.locator("#network").get_attribute("aria-label") or ""
    assert f"{whole} nodes" in label
    screenshot(page, "network")

    page.select_option("#filter-theme", "theme:child-labour")
    narrowed = _ask(
        base_url, '{ graph(filter: {theme: "child-labour", limit: 400}) { nodes { id } } }'
    )
    expect(page.locator("#network")).to_have_attribute(
        "data-nodes", str(len(narrowed["graph"]["nodes"]))
    )
    assert len(narrowed["graph"]["nodes"]) < whole
    expect(page).to_have_url(re.compile(r"theme=theme%3Achild-labour"))

    page.reload()  # the link alone brings the same view back
    expect(page.locator("#filter-theme")).to_have_value("theme:child-labour")
    assert _drawn(page) == len(narrowed["graph"]["nodes"])


def test_clicking_a_node_opens_its_details_and_sources(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=network")
    _drawn(page)
    _click_node(page, "organization:ilo")
    details = page.locator("#details")
    expect(details).to_have_attribute("data-node", "organization:ilo")
    expect(details.locator("h2")).to_have_text("International Labour Organization")
    expect(details.locator(".sources li").first).to_contain_text(
        "Report of the 1st Meeting of the Alliance 8.7 Global Coordinating Group"
    )
    expect(details.locator(".relationships")).to_contain_text("chairs → Action Group on Supply")
    expect(page).to_have_url(re.compile(r"node=organization%3Ailo"))
    page.evaluate("window.explorer.network.fit()")
    screenshot(page, "network-details")


def test_search_then_focus_on_a_neighbourhood(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=network")
    whole = _drawn(page)
    page.fill("#search", "knowledge platform")
    page.locator(".search-results button", has_text="Alliance 8.7 Knowledge Platform").click()
    expect(page.locator("#details h2")).to_have_text("Alliance 8.7 Knowledge Platform")
    page.get_by_role("button", name="Show its neighbourhood").click()
    expect(page).to_have_url(re.compile(r"focus=initiative%3Aknowledge-platform"))
    expect(page.locator("#focus-name")).to_have_text("Alliance 8.7 Knowledge Platform")
    around = _ask(base_url, '{ graph(focus: "initiative:knowledge-platform") { nodes { id } } }')[
        "graph"
    ]["nodes"]
    expect(page.locator("#network")).to_have_attribute("data-nodes", str(len(around)))
    assert len(around) < whole
    expect(page.locator("#filter-theme")).to_be_disabled()
    screenshot(page, "network-focus")
    page.get_by_role("button", name="Back to the whole map").click()
    expect(page.locator("#network")).to_have_attribute("data-nodes", str(whole))


def test_the_network_is_usable_with_a_keyboard(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=network")
    _drawn(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the view"
    page.locator(".equivalent summary").filter(has_text="drawn nodes").focus()
    page.keyboard.press("Enter")
    first = page.locator(".equivalent tbody button").first
    first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#details")).to_have_attribute(
        "data-node", first.get_attribute("data-node") or ""
    )
    expect(page.locator("#details h2")).to_be_focused()
    # Closing the panel hands the keyboard back to the map, drawn to fit again.
    page.locator("#details-close").press("Enter")
    expect(page.locator("#details")).to_be_hidden()
    expect(page.locator("#network")).to_be_focused()
    expect(page).not_to_have_url(re.compile(r"node="))


def test_the_gap_map_colours_every_ilo_region(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=gaps&theme=theme:forced-labour")
    expect(page.locator(".map")).to_have_attribute("data-state", "ready")
    coloured = page.evaluate(
        """() => [...document.querySelectorAll('path.country[data-ilo-region]')]
                 .filter((p) => p.dataset.gap !== 'none' && p.getAttribute('fill').startsWith('rgb'))
                 .map((p) => p.dataset.iloRegion)"""
    )
    assert set(coloured) >= ILO_REGIONS
    # Forced labour has regional rates and no country counts: ranked by rate, and said so.
    widest = _ask(
        base_url,
        '{ coverageGaps(theme: "theme:forced-labour", level: COUNTRY, limit: 10, rankBy: RATE) '
        "{ place { ... on Country { name } } tiedWith } }",
    )["coverageGaps"]
    first_rows = page.locator(".top-gaps tbody tr td:first-child").all_inner_texts()
    # Ties are said, not hidden: the Arab States share one regional rate.
    assert first_rows == [
        row["place"]["name"] + (f" (tied with {row['tiedWith']} more)" if row["tiedWith"] else "")
        for row in widest
    ]
    assert widest[0]["tiedWith"] > 0
    expect(page.locator(".top-gaps caption")).to_contain_text("by rate")
    page.locator('path.country[data-iso3="BRA"]').hover()
    expect(page.locator(".tooltip")).to_contain_text("Brazil")
    expect(page.locator(".tooltip")).to_contain_text("Need: Forced labour")
    svg_label = page.locator("svg.world").get_attribute("aria-label") or ""
    assert "Forced labour" in svg_label
    screenshot(page, "gaps")


def test_a_theme_without_estimates_shows_no_estimate_not_zero(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=gaps&theme=theme:migration")
    expect(page.locator(".map")).to_have_attribute("data-state", "ready")
    gaps = page.evaluate(
        "() => [...document.querySelectorAll('path.country[data-gap]')].map((p) => p.dataset.gap)"
    )
    assert gaps
    assert set(gaps) == {"none"}
    # Said once, not as a list of "no estimate" rows.
    expect(page.locator(".top-gaps .no-estimate")).to_contain_text("No published estimate")
    expect(page.locator(".top-gaps tbody tr")).to_have_count(0)


def test_the_gap_map_names_each_countrys_own_figure_and_its_source(
    page: Page, base_url: str
) -> None:
    """Child labour: Nigeria's need is UNICEF's own figure, in children, with its source and
    year; the widest gaps are ranked by people."""
    page.goto(f"{base_url}/?view=gaps&theme=theme:child-labour")
    expect(page.locator(".map")).to_have_attribute("data-state", "ready")
    page.locator('path.country[data-iso3="NGA"]').hover()
    tooltip = page.locator(".tooltip")
    expect(tooltip).to_contain_text("Nigeria")
    expect(tooltip).to_contain_text("its own figure")
    expect(tooltip).to_contain_text("The State of the World's Children 2023")
    # UNICEF gives the survey period, not the year (never the edition's 2021).
    expect(tooltip).to_contain_text("data from a year in 2013-2021")
    expect(page.locator(".top-gaps caption")).to_contain_text("by people")


def test_the_overlap_view_lists_the_seeds_overlaps_side_by_side(page: Page, base_url: str) -> None:
    # As of the report's day, as its reader saw it (the default, today, leaves out the
    # migration study that ended in 2018).
    page.goto(f"{base_url}/?view=overlaps&asOf=2017-11-13")
    expect(page.locator(".pairs")).to_have_attribute("data-state", "ready")
    expect(page.locator("#as-of")).to_have_value("2017-11-13")
    listed = set(
        page.locator("li.pair").evaluate_all("(items) => items.map((i) => i.dataset.pair)")
    )
    assert {f"{a}|{b}" for a, b in EXPECTED} <= listed
    osce = page.locator(
        'li.pair[data-pair="initiative:alliance-against-trafficking-in-persons|'
        'initiative:osce-special-representative"]'
    )
    expect(osce).to_contain_text("Organizations, group or event followed up (1 shared)")
    osce.get_by_role("button", name="Compare side by side").click()
    compare = page.locator("#compare")
    expect(compare).to_have_attribute(
        "data-pair",
        "initiative:alliance-against-trafficking-in-persons|initiative:osce-special-representative",
    )
    expect(compare.locator("article.side")).to_have_count(2)
    expect(compare.locator("h3")).to_be_focused()
    expect(compare).to_contain_text("Organization for Security and Co-operation in Europe")
    expect(page.locator(".clusters tbody tr").first).to_be_visible()
    screenshot(page, "overlaps")

    page.select_option("#min-score", "0.6")
    likely = _ask(base_url, '{ overlaps(minScore: 0.6, asOf: "2017-11-13") { score } }')
    likely = likely["overlaps"]
    expect(page.locator("li.pair")).to_have_count(len(likely))
    expect(page).to_have_url(re.compile(r"minScore=0.6"))
    if not likely:
        expect(page.locator(".pairs")).to_contain_text("No pair reaches this score.")


def test_who_table_filters_and_downloads_csv(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=who")
    count = page.locator(".count")
    total = _ask(base_url, "{ whoIsDoingWhatWhere { totalCount } }")["whoIsDoingWhatWhere"]
    expect(count).to_have_attribute("data-count", str(total["totalCount"]))
    page.select_option("#filter-theme", "theme:child-labour")
    narrowed = _ask(
        base_url, '{ whoIsDoingWhatWhere(where: {theme: "child-labour"}) { totalCount } }'
    )["whoIsDoingWhatWhere"]["totalCount"]
    expect(count).to_have_attribute("data-count", str(narrowed))
    assert 0 < narrowed < total["totalCount"]
    expect(page.locator(".who tbody tr")).to_have_count(narrowed)
    with page.expect_download() as downloading:
        page.click("#download-csv")
    saved = downloading.value
    assert saved.suggested_filename == "who-is-doing-what-where.csv"
    lines = saved.path().read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Organization,Type,Role,Initiative,Where,Matched,Themes,SDG targets,Source"
    assert len(lines) == narrowed + 1
    # Initiatives with no organization recorded are rows too, and say so.
    assert any(line.startswith("(no organization recorded),") for line in lines)
    # Where a row matched is said by the place's name, never by its id ("region:world").
    page.select_option("#filter-region", "region:un-africa")
    expect(page.locator(".who tbody tr").first).to_be_visible()
    matched = page.locator(".who tbody tr td:nth-child(6)").all_inner_texts()
    assert matched
    assert not [m for m in matched if re.search(r"\b(region|country):", m)], matched
    screenshot(page, "who")


@pytest.mark.parametrize(
    "view", ["network", "gaps", "overlaps", "who", "people", "commitments", "indicators", "sources"]
)
def test_every_view_fits_a_phone(browser: Browser, base_url: str, view: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    phone.goto(f"{base_url}/?view={view}")
    expect(phone.locator("#view [data-state=ready]").first).to_be_visible()
    overflow = phone.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"{view} is {overflow}px wider than a phone"
    expect(phone.locator("#alert")).to_be_hidden()
    if view == "network":
        screenshot(phone, "network-phone")
        # The details open below the drawing on a phone: they scroll into view.
        _click_node(phone, "organization:ilo")
        expect(phone.locator("#details h2")).to_be_in_viewport()
    if view == "overlaps":
        # So does the side-by-side comparison, below the list of pairs.
        phone.locator("li.pair button").last.click()
        expect(phone.locator("#compare h3")).to_be_in_viewport()
    context.close()


def test_a_bad_filter_in_a_link_is_named(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=network&theme=theme:atlantis")
    expect(page.locator("#alert")).to_be_visible()
    expect(page.locator("#alert")).to_contain_text("'theme:atlantis' is not on the map")


def test_the_database_being_down_shows_a_clear_message(
    page: Page, base_url_without_database: str
) -> None:
    for view in ("network", "gaps"):
        page.goto(f"{base_url_without_database}/?view={view}")
        alert = page.locator("#alert")
        expect(alert).to_be_visible()
        expect(alert).to_contain_text("The map's database is not answering right now")
        expect(alert).to_have_attribute("data-code", "DATABASE_UNAVAILABLE")
    screenshot(page, "database-down")


def _only_same_origin(page: Page, base_url: str) -> list[str]:
    """Every URL the page asks for that is not the service's own."""
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((base_url, "data:", "blob:"))
            else elsewhere.append(request.url)
        ),
    )
    return elsewhere


def test_graphiql_runs_a_query_from_the_projects_own_assets(page: Page, base_url: str) -> None:
    elsewhere = _only_same_origin(page, base_url)
    # The schema is read first (an introspection query): a run asked for before it has
    # arrived waits for it, which on a busy machine can outlast the wait below.
    with page.expect_response(lambda r: "IntrospectionQuery" in (r.request.post_data or "")):
        page.goto(f"{base_url}/graphql")
    expect(page.locator(".graphiql-container")).to_be_visible()
    expect(page.locator(".graphiql-query-editor")).to_contain_text("actionGroup")
    with page.expect_response(
        lambda r: (
            r.url.endswith("/graphql")
            and r.request.method == "POST"
            and "actionGroup" in (r.request.post_data or "")
        )
    ) as answered:
        page.locator(".graphiql-execute-button").click()
    body = answered.value.json()
    assert (
        body["data"]["actionGroup"]["name"] == "Action Group on Conflict and Humanitarian Settings"
    )
    assert elsewhere == []


def test_the_openapi_page_lists_import_and_export_offline(page: Page, base_url: str) -> None:
    elsewhere = _only_same_origin(page, base_url)
    page.goto(f"{base_url}/docs")
    expect(page.locator(".swagger-ui .info")).to_contain_text("Alliance 8.7 stakeholder map")
    expect(page.locator(".swagger-ui")).to_contain_text("/import")
    expect(page.locator(".swagger-ui")).to_contain_text("/export")
    assert elsewhere == []


def _positions(page: Page) -> dict[str, tuple[float, float]]:
    found: dict[str, list[float]] = page.evaluate(
        """() => Object.fromEntries(window.explorer.network.nodes().map(
             (n) => [n.id(), [Math.round(n.position().x), Math.round(n.position().y)]]))"""
    )
    return {k: (v[0], v[1]) for k, v in found.items()}


def test_the_network_is_readable_and_the_same_for_the_same_link(page: Page, base_url: str) -> None:
    """The same link draws the same picture (no random layout); labels are at least 11 px
    on screen at any zoom; every kind drawn has a legend entry; zoom and fit work; a filter
    that matches nothing says so."""
    page.goto(f"{base_url}/?view=network")
    _drawn(page)
    first = _positions(page)
    page.reload()
    _drawn(page)
    assert _positions(page) == first
    for button in ("#zoom-out", "#zoom-out", "#zoom-out"):
        page.click(button)
    smallest = page.evaluate(
        """() => { const cy = window.explorer.network;
                   return parseFloat(cy.nodes()[0].style('font-size')) * cy.zoom(); }"""
    )
    assert smallest >= 10.99
    before = page.evaluate("() => window.explorer.network.zoom()")
    page.click("#zoom-in")
    assert page.evaluate("() => window.explorer.network.zoom()") > before
    page.click("#zoom-fit")
    _click_node(page, "organization:ilo")
    expect(page.locator("#details")).to_be_visible()
    page.click("#zoom-reset")
    expect(page.locator("#details")).to_be_hidden()
    assert page.evaluate("() => window.explorer.network.$(':selected').length") == 0
    kinds = set(page.evaluate("() => window.explorer.network.nodes().map((n) => n.data('kind'))"))
    legend_entries = page.locator(".legend li[data-kind]").count()
    assert legend_entries == len(kinds)
    expect(page.locator(".drawing .empty")).to_be_hidden()
    # No initiative on the map addresses education: nothing to draw, and the page says so.
    page.goto(f"{base_url}/?view=network&theme=theme:education")
    assert _drawn(page) == 0
    expect(page.locator(".drawing .empty")).to_be_visible()


def test_back_steps_through_filter_changes(page: Page, base_url: str) -> None:
    """Each filter change is a step in the browser's history: Back returns to the previous
    filter, drawn again, and Back once more to the unfiltered view."""
    page.goto(f"{base_url}/?view=who")
    count = page.locator(".count")
    total = _ask(base_url, "{ whoIsDoingWhatWhere { totalCount } }")["whoIsDoingWhatWhere"]
    expect(count).to_have_attribute("data-count", str(total["totalCount"]))
    page.select_option("#filter-theme", "theme:child-labour")
    child = _ask(base_url, '{ whoIsDoingWhatWhere(where: {theme: "child-labour"}) { totalCount } }')
    expect(count).to_have_attribute("data-count", str(child["whoIsDoingWhatWhere"]["totalCount"]))
    page.select_option("#filter-theme", "theme:forced-labour")
    expect(page).to_have_url(re.compile(r"theme=theme%3Aforced-labour"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"theme=theme%3Achild-labour"))
    expect(page.locator("#filter-theme")).to_have_value("theme:child-labour")
    expect(page.locator(".count")).to_have_attribute(
        "data-count", str(child["whoIsDoingWhatWhere"]["totalCount"])
    )
    page.go_back()
    expect(page.locator(".count")).to_have_attribute("data-count", str(total["totalCount"]))


def test_the_gap_map_has_need_coverage_and_gap_layers(page: Page, base_url: str) -> None:
    """Need, coverage and gap are separate layers, each with its own legend; the choice is
    in the link."""
    page.goto(f"{base_url}/?view=gaps&theme=theme:child-labour")
    expect(page.locator(".map")).to_have_attribute("data-state", "ready")
    expect(page.locator(".map .legend li").first).to_have_text("Gap by rate:")
    nigeria = page.locator('path.country[data-iso3="NGA"]')
    gap_fill = nigeria.get_attribute("fill")
    page.select_option("#gap-layer", "need")
    expect(page).to_have_url(re.compile(r"layer=need"))
    expect(page.locator(".map .legend li").first).to_have_text("Need (rate):")
    page.select_option("#gap-layer", "coverage")
    expect(page.locator(".map .legend li").first).to_have_text("Coverage (organizations present):")
    # On the seed no country has country-level child labour work: said, not drawn as 0.
    expect(page.locator(".map .legend")).to_contain_text("No country-level work recorded")
    coverage_fill = page.locator('path.country[data-iso3="NGA"]').get_attribute("fill")
    assert coverage_fill != gap_fill
    svg_label = page.locator("svg.world").get_attribute("aria-label") or ""
    assert "coverage (organizations present)" in svg_label


def test_the_gap_map_shows_differences_between_countries(page: Page, base_url: str) -> None:
    """Modern slavery's gap map draws the countries in more than five fills, by quantile
    classes the legend names, so the many low rates differ from one another too."""
    page.goto(f"{base_url}/?view=gaps&theme=theme:modern-slavery")
    expect(page.locator(".map")).to_have_attribute("data-state", "ready")
    fills = set(
        page.locator("path.country").evaluate_all("(all) => all.map((p) => p.getAttribute('fill'))")
    )
    coloured = {f for f in fills if f and not f.startswith("url(") and f != "#eeeeee"}
    assert len(coloured) > 5, coloured
    expect(page.locator(".map .legend")).to_contain_text("Quantiles: 7 classes")
    screenshot(page, "gaps-modern-slavery")
