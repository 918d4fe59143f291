"""The network as people read it, in Chromium: every label whole (wrapped between words,
never cut mid-word), nodes coloured by their community with the communities named in the
legend, sized by a chosen measure, and the link restores the choice; the API's
communities are the same on every ask."""

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import accessible, screenshot

pytestmark = pytest.mark.e2e
GRAPH = "{ graph(filter: { limit: 400 }) { communities { number name size members } } }"


def test_labels_are_whole_and_communities_coloured(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?view=network&colour=community&size=closeness")
    expect(page.locator("#network")).to_have_attribute("data-state", "ready")
    drawn = page.evaluate(
        """() => window.explorer.network.nodes().map((n) => ({
            label: n.data('label'), shown: n.style('label'), wrap: n.style('text-wrap'),
            fill: n.style('background-color'), community: n.data('community') }))"""
    )
    assert drawn
    for node in drawn:
        assert node["wrap"] == "wrap", node
        assert node["shown"] in ("", node["label"]), node
        assert "…" not in node["shown"], node
    named = [n for n in drawn if n["shown"]]
    assert named, "some labels are drawn"
    fills = {n["fill"] for n in drawn}
    communities = {n["community"] for n in drawn}
    assert len(fills) >= min(len(communities), 8) > 1, (fills, communities)
    legend = page.locator(".legend li[data-community]")
    expect(legend.first).to_be_visible()
    expect(page.locator(".legend")).to_contain_text("Size: its closeness")
    expect(page.get_by_label("Colour by")).to_have_value("community")
    expect(page.get_by_label("Size by")).to_have_value("closeness")
    accessible(page)
    screenshot(page, "network-communities")


def test_the_apis_communities_are_the_same_each_time(base_url: str) -> None:
    first = httpx.post(f"{base_url}/graphql", json={"query": GRAPH}).json()["data"]["graph"]
    again = httpx.post(f"{base_url}/graphql", json={"query": GRAPH}).json()["data"]["graph"]
    assert first == again
    communities = first["communities"]
    assert len(communities) > 1
    assert [c["size"] for c in communities] == sorted(
        (c["size"] for c in communities), reverse=True
    )
    assert all(c["size"] == len(c["members"]) for c in communities)
