"""A bad value costs that value, or its row, and never the file: an IATI activity or a 3W
row with a country that is no ISO 3166 code, an end before its start, a date that is not
one, an organization with no name goes in without it (or is left out), the rest of the file
goes in, and the import report names each row and why. A file is refused whole only when
nothing in it can be read."""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.db.driver import Database
from service.editing import keys
from service.seed.loader import load, prepare
from tests.conftest import run_db

FILES = Path(__file__).resolve().parent.parent / "data" / "interchange"
Post = Callable[..., Any]
CITING = {"source": "source:gcg-2017-report", "section": "Agenda"}


@pytest.fixture(scope="module")
def key(seeded: Settings) -> Iterator[dict[str, str]]:
    async def make(db: Database) -> dict[str, str]:
        return {"Authorization": f"Bearer {(await keys.create_key(db, 'lenient', 'editor'))[1]}"}

    yield run_db(seeded, make)

    async def reset(db: Database) -> None:
        await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
        await load(db, prepare(seeded.seed_dir), seeded.load_batch_size)

    run_db(seeded, reset)


@pytest.fixture
def upload(client: TestClient, key: dict[str, str]) -> Post:
    def post(folder: str, name: str, **form: str) -> Any:
        files = [("files", (name, (FILES / folder / name).read_bytes()))]
        return client.post("/import", files=files, data=form, headers=key)

    return post


def initiative(client: TestClient, node_id: str) -> dict[str, Any] | None:
    query = (
        f'{{ node(id: "{node_id}") {{ ... on Initiative {{ name start end status '
        "operatesIn { ... on Country { iso3 } } participants { organization { name } } } } }"
    )
    body: dict[str, Any] = client.post("/graphql", json={"query": query}).json()
    return None if body.get("errors") else body["data"]["node"]


def skipped(response: Any) -> dict[tuple[str, str | None], str]:
    assert response.status_code == 200, response.text
    return {(s["row"], s["field"]): s["reason"] for s in response.json()["skipped"]}


def test_each_bad_value_in_an_iati_file_costs_that_value(client: TestClient, upload: Post) -> None:
    done = upload("bad", "bad_values.xml", **CITING)
    left_out = skipped(done)
    assert set(left_out) == {
        ("iati-activity[1]", "recipient-country"),
        ("iati-activity[1]", "participating-org"),
        ("iati-activity[2]", "activity-date"),
        ("iati-activity[3]", "activity-date"),
        ("iati-activity[3]", "activity-status"),
        ("iati-activity[3]", "recipient-country"),
        ("iati-activity[4]", "iati-identifier"),
    }
    assert (
        "'XX' is not an ISO 3166 country code"
        in left_out[("iati-activity[1]", "recipient-country")]
    )
    assert "is before the start" in left_out[("iati-activity[2]", "activity-date")]
    assert "'2026-13-45'" in left_out[("iati-activity[3]", "activity-date")]
    # One bad code among good ones: the activity is in the good ones.
    cocoa = initiative(client, "initiative:xm-test-lenient-1")
    assert cocoa is not None
    assert sorted(c["iso3"] for c in cocoa["operatesIn"]) == ["CIV", "GHA"]
    assert [p["organization"]["name"] for p in cocoa["participants"]] == [
        "International Labour Organization"
    ]
    backwards = initiative(client, "initiative:xm-test-lenient-2")
    assert backwards is not None
    assert (backwards["start"], backwards["end"]) == (None, None)
    assert [c["iso3"] for c in backwards["operatesIn"]] == ["KEN"]
    undated = initiative(client, "initiative:xm-test-lenient-3")
    assert undated is not None
    # The bad actual start is dropped; the planned end stands; the unknown status is unknown.
    assert (undated["start"], undated["end"], undated["status"]) == (None, "2028-06-30", "UNKNOWN")
    assert undated["operatesIn"] == []


def test_each_bad_value_in_a_3w_sheet_costs_its_row_or_the_value(
    client: TestClient, upload: Post
) -> None:
    done = upload("bad", "bad_values_3w.csv", **CITING)
    left_out = skipped(done)
    assert set(left_out) == {
        ("row 3", "#country"),
        ("row 4", "#date+end"),
        ("row 5", "#date+start"),
        ("row 6", "#org"),
    }
    assert left_out[("row 5", "#date+start")] == "'sometime soon' is not a date; it is not taken"
    names = client.post(
        "/graphql",
        json={"query": '{ initiatives(filter: {text: "Kiln"}) { edges { node { name } } } }'},
    ).json()["data"]["initiatives"]["edges"]
    assert [e["node"]["name"] for e in names] == ["Kiln inspections"]
    [visits] = client.post(
        "/graphql",
        json={
            "query": '{ initiatives(filter: {text: "Carpet workshop visits"}) '
            "{ edges { node { start end } } } }"
        },
    ).json()["data"]["initiatives"]["edges"]
    assert visits["node"] == {"start": None, "end": "2027-12"}


def test_a_file_with_nothing_readable_is_refused_with_the_reasons(upload: Post) -> None:
    refused = upload("bad", "activities.xml", **CITING)
    assert refused.status_code == 422, refused.text
    problems = refused.json()["problems"]
    assert "nothing in it can be read" in problems[0]["reason"]
    assert {(p["row"], p["field"]) for p in problems[1:]} == {
        ("iati-activity[1]", "activity-status"),
        ("iati-activity[2]", "iati-identifier"),
    }


def roles(client: TestClient, node_id: str) -> set[tuple[str, str]]:
    query = (
        f'{{ node(id: "{node_id}") {{ ... on Initiative {{ '
        "participants { role organization { name } } } } }"
    )
    node = client.post("/graphql", json={"query": query}).json()["data"]["node"]
    return {(p["organization"]["name"], p["role"]) for p in node["participants"]}


@pytest.mark.parametrize("version", ['version="1.0"', 'version="1"', 'version="1.01"', ""])
def test_iati_1_0x_files_are_read_whatever_their_version_says(
    client: TestClient, key: dict[str, str], version: str
) -> None:
    """1.00 as publishers still serve it, also written "1.0" or "1", or with no version:
    roles and date types as words, names as plain text, read as 1.0x means them."""
    data = (FILES / "good" / "activities_1.00.xml").read_bytes()
    data = data.replace(b'version="1.00" generated', f"{version} generated".encode())
    files = [("files", (f"old-{version or 'none'}.xml", data))]
    done = client.post("/import", files=files, data=CITING, headers=key)
    assert done.status_code == 200, done.text
    assert done.json()["skipped"] == []
    kilns = initiative(client, "initiative:xm-test-old-1")
    assert kilns is not None
    assert kilns["name"] == "Malawi - brick kiln outreach"
    assert (kilns["start"], kilns["end"], kilns["status"]) == ("2010-07-01", "2015-06-30", "ACTIVE")
    assert [c["iso3"] for c in kilns["operatesIn"]] == ["MWI"]
    assert roles(client, "initiative:xm-test-old-1") == {
        ("Test Aid Ministry", "FUNDS"),
        ("Test Old Charity", "IMPLEMENTS"),
    }
    schools = initiative(client, "initiative:xm-test-old-2")
    assert schools is not None
    assert (schools["start"], schools["end"], schools["status"]) == (
        "2009-01-15",
        "2012-08-23",
        "COMPLETED",
    )


def test_one_activity_without_the_wrapper_with_its_own_version(
    upload: Post, client: TestClient
) -> None:
    done = upload("good", "single_activity_1.03.xml", **CITING)
    assert done.status_code == 200, done.text
    single = initiative(client, "initiative:xm-test-single-1")
    assert single is not None
    assert (single["name"], single["start"]) == ("Somalia - safe migration desks", "2020-02-01")
    assert [c["iso3"] for c in single["operatesIn"]] == ["SOM"]


def test_a_version_no_standard_has_is_read_as_the_latest_and_listed(
    client: TestClient, key: dict[str, str]
) -> None:
    data = (FILES / "good" / "activities_1.00.xml").read_bytes()
    data = data.replace(b'version="1.00"', b'version="banana"')
    files = [("files", ("banana.xml", data))]
    done = client.post("/import", files=files, data=CITING, headers=key)
    left_out = skipped(done)
    assert set(left_out) == {("iati-activity[1]", "version"), ("iati-activity[2]", "version")}
    assert left_out[("iati-activity[1]", "version")] == (
        "IATI 'banana' is no version of the standard; read as 2.03"
    )
    assert initiative(client, "initiative:xm-test-old-2") is not None


def initiatives_named(client: TestClient, text: str) -> list[dict[str, Any]]:
    query = (
        f'{{ initiatives(filter: {{text: "{text}"}}) {{ edges {{ node {{ name status '
        "operatesIn { ... on Country { iso3 } } } } } }"
    )
    body = client.post("/graphql", json={"query": query}).json()
    return [e["node"] for e in body["data"]["initiatives"]["edges"]]


@pytest.mark.parametrize(
    ("name", "activities"),
    [
        ("late_hashtags_3w.csv", {"Kiln family visits": "PAK", "Carpet school places": "NPL"}),
        ("hashtag_header_3w.csv", {"Kiln union outreach": "PAK"}),
    ],
)
def test_the_hashtag_row_is_found_where_the_sheet_has_it(
    client: TestClient, upload: Post, name: str, activities: dict[str, str]
) -> None:
    """After a title, a legend, a row of Excel errors (#VALUE!) and a row of headings, with
    spaces and tabs inside the tags and two cells that are none (one ending in "?", a
    "Comments"); or as the
    header row itself."""
    done = upload("good", name, **CITING)
    assert skipped(done) == {}
    for activity, country in activities.items():
        [found] = initiatives_named(client, activity)
        assert found["name"] == activity
        assert [c["iso3"] for c in found["operatesIn"]] == [country]


def test_an_opendocument_spreadsheet_is_read_like_a_workbook(
    client: TestClient, upload: Post
) -> None:
    """A `.ods` LibreOffice saved: the 3W on its second sheet, hashtags on row 3, a date
    cell and a number cell, and the empty rest of the sheet written as repeated cells."""
    done = upload("good", "three_w.ods", **CITING)
    assert skipped(done) == {}
    [found] = initiatives_named(client, "Kiln school places")
    assert [c["iso3"] for c in found["operatesIn"]] == ["PAK"]
    query = '{ initiatives(filter: {text: "Kiln school places"}) { edges { node { start } } } }'
    [edge] = client.post("/graphql", json={"query": query}).json()["data"]["initiatives"]["edges"]
    assert edge["node"]["start"] == "2026-03-01"


@pytest.mark.parametrize(
    ("name", "activity", "country"),
    [
        ("semicolons_3w.csv", "Visites des plantations, saison 2", "CIV"),
        ("unicode_text_3w.csv", "Écoles de brousse, phase 1", "MLI"),
    ],
)
def test_csv_as_spreadsheets_save_it(
    client: TestClient, upload: Post, name: str, activity: str, country: str
) -> None:
    """UTF-8 with a byte-order mark and `;` between cells (where the comma is the decimal
    mark), and Excel's "Unicode text": UTF-16 with its mark, tabs between cells. A comma
    inside a cell stays in it."""
    done = upload("good", name, **CITING)
    assert skipped(done) == {}
    [found] = initiatives_named(client, activity.split(",")[0])
    assert found["name"] == activity
    assert [c["iso3"] for c in found["operatesIn"]] == [country]
