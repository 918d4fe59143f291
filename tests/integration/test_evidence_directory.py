"""The evidence directory (`sources`): every source on the map, by title, searchable and
paged, and narrowed to what a record cites."""

from collections.abc import Callable
from typing import Any

from service.config import Settings
from service.seed.loader import prepare

Ask = Callable[..., dict[str, Any]]

SOURCES = """query($filter: SourceFilter, $first: Int!, $after: String) {
  sources(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id title publisher description } }
  }
}"""


def _page(gql: Ask, first: int = 50, after: str | None = None, **given: str) -> dict[str, Any]:
    body = gql(SOURCES, filter=given or None, first=first, after=after)
    assert "errors" not in body, body.get("errors")
    found: dict[str, Any] = body["data"]["sources"]
    return found


def test_the_directory_lists_every_seeded_source_by_title(gql: Ask, seeded: Settings) -> None:
    seeded_sources = {n.id for n in prepare(seeded.seed_dir).nodes if n.id.startswith("source:")}
    found = _page(gql)
    titles = [e["node"]["title"] for e in found["edges"]]
    assert found["totalCount"] == len(seeded_sources)
    assert {e["node"]["id"] for e in found["edges"]} == seeded_sources
    assert titles == sorted(titles, key=str.lower)


def test_paging_visits_each_source_once(gql: Ask) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = _page(gql, first=3, after=after)
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == _page(gql)["totalCount"]


def test_text_finds_words_in_title_publisher_or_description(gql: Ask) -> None:
    found = _page(gql, text="Global Estimates")
    assert found["totalCount"] >= 2
    for edge in found["edges"]:
        node = edge["node"]
        said = " ".join(str(node[k] or "") for k in ("title", "publisher", "description"))
        assert "global estimates" in said.lower()


def test_cited_by_gives_the_sources_a_record_cites(gql: Ask) -> None:
    record = "initiative:knowledge-platform"
    cited = gql(f'{{ initiative(id: "{record}") {{ sources {{ source {{ id }} }} }} }}')
    expected = {c["source"]["id"] for c in cited["data"]["initiative"]["sources"]}
    found = _page(gql, citedBy=record)
    assert expected
    assert {e["node"]["id"] for e in found["edges"]} == expected


def test_an_unknown_record_is_refused_by_name(gql: Ask) -> None:
    body = gql(SOURCES, filter={"citedBy": "initiative:not-on-the-map"}, first=5, after=None)
    assert body["data"] is None
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "citedBy" in error["message"]


def _evidence_links(settings: Settings) -> dict[str, set[str]]:
    """What the seed records each source as evidence about."""
    found: dict[str, set[str]] = {}
    for link in prepare(settings.seed_dir).links:
        if link.type == "EVIDENCE_ABOUT":
            found.setdefault(link.source_id, set()).add(link.target_id)
    return found


def test_documents_about_a_theme_in_a_region(gql: Ask, seeded: Settings) -> None:
    """Which documents are evidence about child labour in Africa: those about child labour
    and about Africa, a place in it, or the world (every seeded one covers the world)."""
    regions = gql('{ regions(scheme: "UN M49 region") { id name } }')["data"]["regions"]
    africa = next(r["id"] for r in regions if r["name"] == "Africa")
    links = _evidence_links(seeded)
    expected = {
        source
        for source, about in links.items()
        if "theme:child-labour" in about and about & {africa, "region:world"}
    }
    query = """query($filter: SourceFilter) { sources(filter: $filter, first: 50) {
      edges { node { id documentType evidenceAbout { id } } } } }"""
    body = gql(query, filter={"theme": "theme:child-labour", "region": africa})
    found = {e["node"]["id"]: e["node"] for e in body["data"]["sources"]["edges"]}
    assert expected
    assert set(found) == expected
    for node in found.values():
        assert "theme:child-labour" in {n["id"] for n in node["evidenceAbout"]}


def test_a_theme_lists_the_documents_about_it(gql: Ask, seeded: Settings) -> None:
    expected = {
        s for s, about in _evidence_links(seeded).items() if "theme:modern-slavery" in about
    }
    body = gql("{ themes { id evidence { id documentType language } } }")
    [theme] = [t for t in body["data"]["themes"] if t["id"] == "theme:modern-slavery"]
    assert {s["id"] for s in theme["evidence"]} == expected
    assert all(s["documentType"] for s in theme["evidence"])
    # The outcome reports' language is not recorded (the report does not give it).
    assert {s["language"] for s in theme["evidence"]} == {"en", None}


def test_the_document_type_narrows_the_directory(gql: Ask, seeded: Settings) -> None:
    datasets = {
        n.id
        for n in prepare(seeded.seed_dir).nodes
        if n.id.startswith("source:") and n.props.get("document_type") == "dataset"
    }
    query = """query($filter: SourceFilter) { sources(filter: $filter, first: 50) {
      totalCount edges { node { id documentType } } } }"""
    found = gql(query, filter={"documentType": "DATASET"})["data"]["sources"]
    assert found["totalCount"] == len(datasets) > 0
    assert {e["node"]["id"] for e in found["edges"]} == datasets
