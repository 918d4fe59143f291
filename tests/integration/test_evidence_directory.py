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
