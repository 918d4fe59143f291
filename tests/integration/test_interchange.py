"""Import and export against the real Neo4j, over HTTP and the CLI: each format with a
good file and a bad one (every mistake listed, nothing written), idempotent re-imports,
audit events for what an import writes, and an export that, imported into a map holding
only the reference layer, gives back the same map."""

import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pandas
import pytest
from fastapi.testclient import TestClient
from lxml import etree
from typer.testing import CliRunner

from service.api.app import create_app
from service.cli import app
from service.config import Settings
from service.db.driver import Database
from service.editing import keys
from service.interchange import export
from service.interchange.iati_codes import schema_path
from service.seed.graph import SeedGraph
from service.seed.loader import load, prepare
from tests.conftest import empty_map, run_db

FILES = Path(__file__).resolve().parent.parent / "data" / "interchange"
MAP_CSV = ["sources.csv", "organizations.csv", "initiatives.csv", "relationships.csv"]


@pytest.fixture(scope="module")
def headers(seeded: Settings) -> Iterator[dict[str, dict[str, str]]]:
    async def make(db: Database) -> dict[str, dict[str, str]]:
        editor = (await keys.create_key(db, "test-importer", "editor"))[1]
        scoped = (await keys.create_key(db, "test-scoped-importer", "editor", "organization:ilo"))[
            1
        ]
        return {
            "editor": {"Authorization": f"Bearer {editor}"},
            "scoped": {"Authorization": f"Bearer {scoped}"},
        }

    yield run_db(seeded, make)

    async def reset(db: Database) -> None:
        await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
        await load(db, prepare(seeded.seed_dir), seeded.load_batch_size)

    run_db(seeded, reset)


Post = Callable[..., Any]


@pytest.fixture
def upload(client: TestClient, headers: dict[str, dict[str, str]]) -> Post:
    def post(folder: str, names: list[str], who: str = "editor", **form: str) -> Any:
        files = [("files", (n, (FILES / folder / n).read_bytes())) for n in names]
        return client.post("/import", files=files, data=form, headers=headers.get(who, {}))

    return post


def ask(client: TestClient, query: str) -> dict[str, Any]:
    body: dict[str, Any] = client.post("/graphql", json={"query": query}).json()
    assert "errors" not in body, body
    return body["data"]


def _problems(response: Any) -> set[tuple[str, str | None, str | None]]:
    assert response.status_code == 422, response.text
    return {(p["file"], p["row"], p["field"]) for p in response.json()["problems"]}


def _absent(client: TestClient, node_id: str) -> bool:
    body = client.post(
        "/graphql", json={"query": f'{{ node(id: "{node_id}", includeRetired: true) {{ id }} }}'}
    ).json()
    return bool(body.get("errors")) and body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_import_needs_a_key_and_export_is_public_like_all_reading(
    client: TestClient, upload: Post
) -> None:
    refused = upload("good", ["sources.csv"], who="nobody")
    assert refused.status_code == 401
    assert "writing needs a valid API key" in refused.json()["detail"]
    # A key scoped to one organization imports its own rows only (test_scope.py): a file
    # of other organizations has none, so it is refused whole, each row saying why.
    scoped = upload("good", ["organizations.csv"], who="scoped")
    assert scoped.status_code == 422
    problems = scoped.json()["problems"]
    assert {p["row"] for p in problems if "speaks only for" in p["reason"]} == {
        p["row"] for p in problems
    }
    public = client.get("/export")
    assert public.status_code == 200
    assert any(o["id"] == "organization:ilo" for o in public.json()["organizations"])
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/import", "/export"} <= set(paths)
    assert "multipart/form-data" in paths["/import"]["post"]["requestBody"]["content"]


def test_the_maps_csv_files_import_and_import_again_unchanged(
    client: TestClient, upload: Post
) -> None:
    first = upload("good", MAP_CSV)
    assert first.status_code == 200, first.text
    # The report names each record it created, once.
    changed = first.json().pop("changed")
    assert [c["action"] for c in changed] == ["created"] * 4
    assert len({c["id"] for c in changed}) == 4
    assert {k: v for k, v in first.json().items() if k != "changed"} == {
        "created": 4,
        "updated": 0,
        "unchanged": 0,
        "relationships_created": 3,
        "relationships_updated": 0,
        "relationships_unchanged": 0,
        "skipped": [],
        "matched": [],
        "queued": [],
    }
    survey = ask(
        client,
        '{ initiative(id: "initiative:test-harvest-survey") { status start areas '
        "operatesIn { ... on Country { iso3 } } themes { id } sdgTargets { code } "
        "participants { role organization { id } } sources { section } } }",
    )["initiative"]
    assert {c["iso3"] for c in survey["operatesIn"]} == {"PER", "BOL"}
    assert survey["areas"] == ["Cusco", "La Paz"]
    assert survey["sdgTargets"] == [{"code": "8.7"}]
    assert {(p["role"], p["organization"]["id"]) for p in survey["participants"]} == {
        ("LEADS", "organization:test-harvest-rights"),
        ("PARTNERS_IN", "organization:test-andes-growers"),
        ("FUNDS", "organization:ilo"),
    }
    assert sorted(s["section"] for s in survey["sources"]) == ["Annex", "Findings"]
    history = ask(
        client, '{ history(id: "initiative:test-harvest-survey") { action actor summary } }'
    )
    assert history["history"][-1]["action"] == "create"
    assert history["history"][-1]["actor"] is None  # key names are for admins only
    assert "initiatives.csv, row 2" in history["history"][-1]["summary"]
    again = upload("good", MAP_CSV).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 4)
    assert again["relationships_unchanged"] == 3


def test_csv_files_with_no_right_row_are_refused_whole_with_every_mistake(
    client: TestClient, upload: Post
) -> None:
    found = _problems(upload("bad", ["organizations.csv", "initiatives.csv", "relationships.csv"]))
    assert found == {
        ("organizations.csv", "row 2", "name"),
        ("organizations.csv", "row 3", "type"),
        ("organizations.csv", "row 3", "basedIn[0]"),
        ("organizations.csv", "row 4", "id"),
        ("organizations.csv", "row 5", "cited[0].source"),
        ("organizations.csv", "row 6", "id"),
        ("initiatives.csv", "row 2", "end"),
        ("initiatives.csv", "row 3", "themes[0]"),
        ("initiatives.csv", "row 3", "sdgTargets[0]"),
        ("initiatives.csv", "row 3", "cited[0].section"),
        ("relationships.csv", "row 2", "from"),
        ("relationships.csv", "row 3", "to"),
    }
    for node_id in ("organization:test-bad-two", "initiative:test-bad-dates"):
        assert _absent(client, node_id)


def test_a_bad_row_of_the_maps_csv_costs_that_row_and_what_names_it(
    client: TestClient, upload: Post
) -> None:
    done = upload("mixed", ["organizations.csv", "relationships.csv"])
    assert done.status_code == 200, done.text
    skipped = {(s["file"], s["row"], s["field"]): s["reason"] for s in done.json()["skipped"]}
    assert set(skipped) == {
        ("organizations.csv", "row 3", "type"),
        ("relationships.csv", "row 3", "from"),
    }
    assert "organization:test-mixed-bad" in skipped[("relationships.csv", "row 3", "from")]
    assert _absent(client, "organization:test-mixed-bad")
    good = ask(
        client,
        '{ organization(id: "organization:test-mixed-good") { initiatives { role initiative { id } } } }',
    )
    assert good["organization"]["initiatives"] == [
        {"role": "PARTNERS_IN", "initiative": {"id": "initiative:knowledge-platform"}}
    ]


def test_the_maps_json_imports_and_a_bad_one_is_refused(client: TestClient, upload: Post) -> None:
    done = upload("good", ["map.json"])
    assert done.status_code == 200, done.text
    assert done.json()["created"] == 2
    helpline = ask(
        client,
        '{ initiative(id: "initiative:test-json-helpline") { participants { organization { id } } } }',
    )
    assert helpline["initiative"]["participants"] == [
        {"organization": {"id": "organization:test-json-ngo"}}
    ]
    assert _problems(upload("bad", ["map.json"])) == {("map.json", "initiatives", None)}
    assert _absent(client, "organization:test-json-bad")


def test_a_3w_table_becomes_initiatives_roles_and_places(client: TestClient, upload: Post) -> None:
    done = upload("good", ["three_w.csv"], source="source:gcg-2017-report", section="Agenda")
    assert done.status_code == 200, done.text
    # Two initiatives (two rows of one activity make one) and two new organizations.
    assert done.json()["created"] == 4, done.json()
    kiln = ask(
        client,
        '{ initiatives(filter: {text: "Kiln worker"}) { edges { node { id status start end areas '
        "kind: initiativeKind themes { id } participants { role organization { id type } } } } } }",
    )["initiatives"]["edges"]
    [node] = [e["node"] for e in kiln]
    assert (node["status"], node["start"], node["end"], node["kind"]) == (
        "ACTIVE",
        "2026-02",
        "2027-12",
        "PROJECT",
    )
    assert node["areas"] == ["Punjab", "Sindh"]
    assert node["themes"] == [{"id": "theme:forced-labour"}]
    roles = {
        (p["role"], p["organization"]["id"], p["organization"]["type"])
        for p in node["participants"]
    }
    assert roles == {
        ("LEADS", "organization:ilo", "UN_AGENCY"),
        ("IMPLEMENTS", "organization:brick-kiln-workers-union", "WORKERS"),
    }
    desks = ask(
        client,
        '{ initiatives(filter: {text: "migration desks"}) { edges { node { status themes { id } } } } }',
    )
    [desk] = desks["initiatives"]["edges"]
    assert desk["node"]["status"] == "PLANNED"
    assert {t["id"] for t in desk["node"]["themes"]} == {
        "theme:human-trafficking",
        "theme:migration",
    }
    # Again: the organizations are on the map now, so the table only names them.
    again = upload("good", ["three_w.csv"], source="source:gcg-2017-report", section="Agenda")
    matched = {(m["written"], m["id"], m["reason"]) for m in again.json().pop("matched")}
    assert ("ILO", "organization:ilo", "its acronym 'ILO'") in matched
    assert (
        "Safe Passage Trust",
        "organization:safe-passage-trust",
        "its name 'Safe Passage Trust'",
    ) in matched
    assert again.json()["queued"] == []
    assert {k: v for k, v in again.json().items() if k not in ("matched", "queued")} == {
        "changed": [],
        "created": 0,
        "updated": 0,
        "unchanged": 2,
        "relationships_created": 0,
        "relationships_updated": 0,
        "relationships_unchanged": 3,
        "skipped": [],
    }


def test_a_3w_sheet_leaves_out_the_rows_it_cannot_place_and_lists_them(
    client: TestClient, upload: Post
) -> None:
    done = upload("bad", ["three_w.csv"], source="source:gcg-2017-report", section="Agenda")
    assert done.status_code == 200, done.text
    skipped = {(s["file"], s["row"], s["field"]) for s in done.json()["skipped"]}
    assert skipped == {("three_w.csv", "row 3", "#org"), ("three_w.csv", "row 4", "#country")}
    assert [s["reason"] for s in done.json()["skipped"] if s["row"] == "row 4"] == [
        "'XYZ' is not a country name or code"
    ]
    assert _absent(client, "organization:unregistered-helpers")
    # A sector that is no theme is kept, as written, instead of refusing the row.
    [edge] = ask(
        client,
        '{ initiatives(filter: {text: "Unknown sector activity"}) { edges { node { '
        "sectors themes { id } status } } } }",
    )["initiatives"]["edges"]
    assert edge["node"] == {"sectors": ["Basket weaving"], "themes": [], "status": "ACTIVE"}


def test_a_3w_sheet_without_a_source_is_its_own(client: TestClient, upload: Post) -> None:
    """No source named: the file itself becomes one, and its facts cite it by row. The
    country is written as a name, the status in French, the date day first."""
    done = upload("good", ["own_source_3w.csv"])
    assert done.status_code == 200, done.text
    source = ask(client, '{ node(id: "source:own-source-3w-csv") { name } }')["node"]
    assert source == {"name": "own_source_3w.csv"}
    [edge] = ask(
        client,
        '{ initiatives(filter: {text: "Fishing crew outreach"}) { edges { node { status start '
        "operatesIn { ... on Country { iso3 } } sources { source { id } note } } } } }",
    )["initiatives"]["edges"]
    node = edge["node"]
    assert (node["status"], node["start"], node["operatesIn"]) == (
        "ACTIVE",
        "2026-03-15",
        [{"iso3": "GHA"}],
    )
    cited = {(c["source"]["id"], c["note"]) for c in node["sources"]}
    assert ("source:own-source-3w-csv", "From own_source_3w.csv, row 3.") in cited


def test_an_iati_file_maps_roles_places_sectors_and_dates(client: TestClient, upload: Post) -> None:
    done = upload("good", ["activities.xml"], source="source:gcg-2017-report", section="Agenda")
    assert done.status_code == 200, done.text
    cocoa = ask(
        client,
        '{ initiative(id: "initiative:xm-test-1001") { name status start end description '
        "operatesIn { ... on Country { iso3 } } themes { id } sdgTargets { code } "
        "participants { role organization { id type } } } }",
    )["initiative"]
    assert (cocoa["status"], cocoa["start"], cocoa["end"]) == ("ACTIVE", "2026-03-15", "2028-12-31")
    assert {c["iso3"] for c in cocoa["operatesIn"]} == {"CIV", "GHA"}
    assert cocoa["themes"] == [{"id": "theme:child-labour"}]
    assert cocoa["sdgTargets"] == [{"code": "8.7"}]
    assert {(p["role"], p["organization"]["id"]) for p in cocoa["participants"]} == {
        ("FUNDS", "organization:test-foundation-for-fair-work"),
        ("LEADS", "organization:ilo"),
        ("IMPLEMENTS", "organization:cocoa-villages-network"),
    }
    study = ask(
        client,
        '{ initiative(id: "initiative:xm-test-1002") { status operatesIn { ... on Region { id } } '
        "themes { id } participants { role organization { id } } } }",
    )["initiative"]
    assert study["operatesIn"] == [{"id": "region:un-africa"}]
    assert study["themes"] == [{"id": "theme:forced-labour"}]
    assert ("PARTNERS_IN", "organization:unicef") in {
        (p["role"], p["organization"]["id"]) for p in study["participants"]
    }
    # Its linked document is in the evidence directory, as evidence about it.
    documents = ask(
        client,
        '{ initiative(id: "initiative:xm-test-1001") { evidence { title url documentType '
        "language date } } }",
    )["initiative"]["evidence"]
    assert documents == [
        {
            "title": "Cocoa villages project: mid-term review",
            "url": "https://example.org/reviews/cocoa-mid-term.pdf",
            "documentType": "EVALUATION",
            "language": "en",
            "date": "2027-06-30",
        }
    ]


def test_a_bad_iati_file_lists_every_mistake(client: TestClient, upload: Post) -> None:
    """A file none of whose activities can be read (one cancelled, one without an
    identifier) is refused, naming each; what cannot be placed (a cancelled activity, a
    region with no counterpart, a role outside 1-4) is listed."""
    found = _problems(
        upload("bad", ["activities.xml"], source="source:gcg-2017-report", section="Agenda")
    )
    assert found == {
        ("activities.xml", None, None),
        ("activities.xml", "iati-activity[1]", "activity-status"),
        ("activities.xml", "iati-activity[2]", "iati-identifier"),
    }
    assert _absent(client, "initiative:xm-test-bad-1")
    broken = upload("bad", ["map.json"], format="iati", source="source:gcg-2017-report")
    assert "not readable XML" in broken.json()["problems"][0]["reason"]
    done = upload(
        "bad", ["cancelled_activity.xml"], source="source:gcg-2017-report", section="Agenda"
    )
    assert done.status_code == 200, done.text
    skipped = {(s["row"], s["field"]) for s in done.json()["skipped"]}
    assert skipped == {
        ("iati-activity[1]", "activity-status"),
        ("iati-activity[2]", "recipient-region"),
        ("iati-activity[2]", "participating-org"),
    }
    assert _absent(client, "initiative:xm-test-cancelled-1")
    placed = ask(
        client, '{ initiative(id: "initiative:xm-test-unplaced-2") { operatesIn { __typename } } }'
    )
    assert placed["initiative"]["operatesIn"] == []
    assert _absent(client, "initiative:xm-test-bad-1")


def test_exports_in_each_format(client: TestClient, headers: dict[str, dict[str, str]]) -> None:
    whole = client.get("/export", headers=headers["editor"]).json()
    assert len(whole["organizations"]) >= 35
    themed = client.get("/export?theme=theme:child-labour", headers=headers["editor"]).json()
    assert 0 < len(themed["initiatives"]) < len(whole["initiatives"])
    assert all("theme:child-labour" in i["themes"] for i in themed["initiatives"])
    archive = zipfile.ZipFile(
        io.BytesIO(client.get("/export?format=csv", headers=headers["editor"]).content)
    )
    assert sorted(archive.namelist()) == sorted(f"{n}.csv" for n in (*whole.keys(),))
    three_w = client.get("/export?format=hxl", headers=headers["editor"]).text.splitlines()
    # A note row naming the organizations in no initiative's role, the headings, the tags.
    assert three_w[0].startswith("Not in this table: ")
    assert three_w[2].startswith("#org,#org+impl,#org+funder,#org+partners_in")
    graph = nx.read_graphml(
        io.BytesIO(client.get("/export?format=graphml", headers=headers["editor"]).content)
    )
    assert graph.nodes["organization:ilo"]["name"] == "International Labour Organization"
    assert graph.number_of_edges() > len(whole["relationships"])
    assert client.get("/export?format=pdf", headers=headers["editor"]).status_code == 422


def test_organizations_named_in_other_scripts_stay_apart(client: TestClient, upload: Post) -> None:
    """Two NGOs named in Arabic are two records, each credited with its own work; the same
    name written twice is one; a Cyrillic name gets an id in Latin letters."""
    done = upload("good", ["non_latin_3w.csv"], source="source:gcg-2017-report", section="Agenda")
    assert done.status_code == 200, done.text
    # Three organizations and three initiatives (two rows of one activity make one).
    assert done.json()["created"] == 6, done.json()
    leads = {}
    for text in ("Child protection outreach", "Schooling for working", "Migrant worker hotline"):
        [edge] = ask(
            client,
            f'{{ initiatives(filter: {{text: "{text}"}}) {{ edges {{ node {{ areas '
            "participants(roles: [LEADS]) { organization { id name type } } } } } }",
        )["initiatives"]["edges"]
        [lead] = edge["node"]["participants"]
        leads[text] = (lead["organization"]["name"], edge["node"]["areas"])
    assert leads == {
        "Child protection outreach": ("جمعية الهلال الأحمر", ["Aleppo", "Homs"]),
        "Schooling for working": ("منظمة الإغاثة الإسلامية", ["Idlib"]),
        "Migrant worker hotline": ("Союз трудящихся мигрантов", ["Almaty"]),
    }
    found = ask(client, '{ search(text: "Союз трудящихся") { id name } }')["search"]
    assert [hit["id"] for hit in found] == ["organization:soyuz-trudyashchikhsya-migrantov"]


def test_two_names_that_would_share_an_id_cost_the_second_row(
    client: TestClient, upload: Post
) -> None:
    done = upload("bad", ["name_clash_3w.csv"], source="source:gcg-2017-report", section="Agenda")
    assert done.status_code == 200, done.text
    [skipped] = done.json()["skipped"]
    assert (skipped["file"], skipped["row"], skipped["field"]) == (
        "name_clash_3w.csv",
        "row 4",
        "#org",
    )
    assert "'Иван'" in skipped["reason"]
    assert "'Ivan' (name_clash_3w.csv, row 3)" in skipped["reason"]
    # Ivan's row goes in; Иван's shelter is not put on Ivan, nor anywhere.
    ivan = ask(
        client,
        '{ organization(id: "organization:ivan") { name initiatives { initiative { name } } } }',
    )
    assert ivan["organization"]["name"] == "Ivan"
    assert [i["initiative"]["name"] for i in ivan["organization"]["initiatives"]] == [
        "Hotline for migrant workers"
    ]


@pytest.mark.parametrize("file_format", ["json", "csv"])
def test_an_export_imported_into_the_same_map_changes_nothing(
    client: TestClient, headers: dict[str, dict[str, str]], file_format: str
) -> None:
    exported = client.get(f"/export?format={file_format}", headers=headers["editor"]).content
    if file_format == "json":
        files = [("files", ("map.json", exported))]
    else:
        archive = zipfile.ZipFile(io.BytesIO(exported))
        files = [("files", (name, archive.read(name))) for name in archive.namelist()]
    again = client.post("/import", files=files, headers=headers["editor"])
    assert again.status_code == 200, again.text
    report = again.json()
    assert (report["created"], report["updated"]) == (0, 0), report
    assert (report["relationships_created"], report["relationships_updated"]) == (0, 0), report
    assert report["unchanged"] >= 35 + 24


def test_exports_the_fields_tools_read(
    client: TestClient, headers: dict[str, dict[str, str]]
) -> None:
    """GraphML names each node's kind and label (Gephi colours by kind and shows labels)
    and each edge's type; the CSV keeps SDG targets as text a spreadsheet will not round."""
    graph = nx.read_graphml(
        io.BytesIO(client.get("/export?format=graphml", headers=headers["editor"]).content)
    )
    assert all({"kind", "label"} <= set(attributes) for _, attributes in graph.nodes(data=True))
    assert graph.nodes["organization:ilo"]["label"] == "ILO"
    assert graph.nodes["organization:ilo"]["kind"] == "organization"
    assert graph.nodes["initiative:knowledge-platform"]["initiative_kind"] == "platform"
    assert all("type" in attributes for *_, attributes in graph.edges(data=True))
    archive = zipfile.ZipFile(
        io.BytesIO(client.get("/export?format=csv", headers=headers["editor"]).content)
    )
    initiatives = pandas.read_csv(io.BytesIO(archive.read("initiatives.csv")))
    targets = {t for cell in initiatives["sdg_targets"].dropna() for t in cell.split(" | ")}
    assert "sdg-target:8.7" in targets
    assert all(isinstance(t, str) for t in initiatives["sdg_targets"].dropna())


def test_a_dry_run_reports_what_an_import_would_do_and_writes_nothing(
    client: TestClient, headers: dict[str, dict[str, str]], cli_env: None, tmp_path: Path
) -> None:
    sheet = tmp_path / "organizations.csv"
    sheet.write_text(
        "id,name,type,source,section,note\n"
        "organization:dry-run-trust,Dry Run Trust,ngo,source:gcg-2017-report,Agenda,"
        "A made-up trust for the dry-run test.\n",
        encoding="utf-8",
    )
    before = client.get("/export", headers=headers["editor"]).json()
    previewed = client.post(
        "/import?dryRun=true",
        files=[("files", ("organizations.csv", sheet.read_bytes()))],
        headers=headers["editor"],
    )
    assert previewed.status_code == 200, previewed.text
    assert previewed.json()["created"] == 1
    assert client.get("/export", headers=headers["editor"]).json() == before
    printed = CliRunner().invoke(app, ["import", "--dry-run", "--json", str(sheet)])
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.output) == previewed.json()
    assert client.get("/export", headers=headers["editor"]).json() == before
    assert _absent(client, "organization:dry-run-trust")


@pytest.mark.parametrize("file_format", ["json", "csv"])
def test_an_export_imported_into_an_empty_map_gives_the_same_map(
    client: TestClient,
    headers: dict[str, dict[str, str]],
    seeded: Settings,
    cli_env: None,
    tmp_path: Path,
    file_format: str,
) -> None:
    exported = tmp_path / f"map.{'json' if file_format == 'json' else 'zip'}"
    runner = CliRunner()
    assert runner.invoke(app, ["export", str(exported), "--format", file_format]).exit_code == 0

    run_db(seeded, lambda db: empty_map(db, seeded))
    if file_format == "csv":
        folder = tmp_path / "csv"
        zipfile.ZipFile(exported).extractall(folder)
        files = [str(p) for p in sorted(folder.iterdir())]
    else:
        files = [str(exported)]
    done = runner.invoke(app, ["import", *files])
    assert done.exit_code == 0, done.output
    assert "created" in done.output
    again = tmp_path / f"again.{exported.suffix}"
    assert runner.invoke(app, ["export", str(again), "--format", file_format]).exit_code == 0
    if file_format == "json":
        assert json.loads(again.read_text()) == json.loads(exported.read_text())
    else:
        first, second = zipfile.ZipFile(exported), zipfile.ZipFile(again)
        assert {n: first.read(n) for n in first.namelist()} == {
            n: second.read(n) for n in second.namelist()
        }
    ilo = ask(client, '{ organization(id: "organization:ilo") { name initiatives { role } } }')
    assert ilo["organization"]["initiatives"]


def test_an_http_upload_over_the_limit_is_refused_before_it_is_read(seeded: Settings) -> None:
    # A key of its own: the round-trip tests above empty the map, keys included.
    async def make(db: Database) -> str:
        return (await keys.create_key(db, "test-limited-importer", "editor"))[1]

    auth = {"Authorization": f"Bearer {run_db(seeded, make)}"}
    small = seeded.model_copy(update={"import_max_bytes": 100})
    with TestClient(create_app(small)) as limited:
        data = (FILES / "good" / "organizations.csv").read_bytes()
        assert len(data) > 100
        refused = limited.post(
            "/import", files=[("files", ("organizations.csv", data))], headers=auth
        )
    assert refused.status_code == 413
    assert "a87map import" in refused.json()["detail"]


def _iati_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path("2.03"))))


def test_the_iati_export_validates_against_iatis_schema(
    client: TestClient, seeded: Settings
) -> None:
    """Every initiative IATI can describe is an activity, the file validates against IATI's
    own 2.03 schema, and an imported activity keeps its identifier, roles, places and money;
    those IATI cannot describe are named in the file, not dropped in silence."""

    async def fresh(db: Database) -> str:
        # A map as seeded, and a key of its own: tests above empty the map, keys included.
        await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
        await load(db, prepare(seeded.seed_dir), seeded.load_batch_size)
        return (await keys.create_key(db, "test-iati-export", "editor"))[1]

    auth = {"Authorization": f"Bearer {run_db(seeded, fresh)}"}
    xml = (FILES / "good" / "activities.xml").read_bytes()
    done = client.post(
        "/import",
        files=[("files", ("activities.xml", xml))],
        data={"source": "source:gcg-2017-report", "section": "Agenda"},
        headers=auth,
    )
    assert done.status_code == 200, done.text
    response = client.get("/export?format=iati")
    assert response.status_code == 200, response.text
    root = etree.fromstring(response.content)
    schema = _iati_schema()
    assert schema.validate(root), schema.error_log
    whole = client.get("/export").json()
    roles = {"FUNDS", "LEADS", "PARTNERS_IN", "IMPLEMENTS"}
    with_roles = {r["to"] for r in whole["relationships"] if r["type"] in roles}
    describable = [
        i
        for i in whole["initiatives"]
        if i["id"] in with_roles and i["status"] != "unknown" and (i["start"] or i["end"])
    ]
    activities = root.findall("iati-activity")
    assert len(activities) == len(describable) < len(whole["initiatives"])
    left_out = str(root[0].text)
    assert all(i["id"] in left_out for i in whole["initiatives"] if i not in describable)
    [cocoa] = [a for a in activities if a.findtext("iati-identifier") == "XM-TEST-1001"]
    assert cocoa.find("reporting-org").get("secondary-reporter") == "1"  # type: ignore[union-attr]
    assert {p.get("role") for p in cocoa.findall("participating-org")} == {"1", "2", "4"}
    assert {c.get("code") for c in cocoa.findall("recipient-country")} == {"CI", "GH"}
    assert [b.findtext("value") for b in cocoa.findall("budget")] == ["500000"]
    amounts = {
        t.find("transaction-type").get("code"): t.findtext("value")  # type: ignore[union-attr]
        for t in cocoa.findall("transaction")
    }
    assert amounts == {"2": "750000", "3": "250000"}
    [document] = cocoa.findall("document-link")
    assert (document.get("url"), document.get("format")) == (
        "https://example.org/reviews/cocoa-mid-term.pdf",
        "application/pdf",
    )
    assert document.find("category").get("code") == "A07"  # type: ignore[union-attr]
    cited = ask(
        client,
        '{ initiative(id: "initiative:xm-test-1001") { iatiIdentifier participants(roles: [FUNDS]) '
        "{ funding { currency budget committed disbursed spent periodStart periodEnd } } } }",
    )["initiative"]
    assert cited["iatiIdentifier"] == "XM-TEST-1001"
    assert cited["participants"][0]["funding"] == {
        "currency": "USD",
        "budget": 500000.0,
        "committed": 750000.0,
        "disbursed": 250000.0,
        "spent": None,
        "periodStart": "2026-01-01",
        "periodEnd": "2026-12-31",
    }


def test_an_iati_export_read_back_changes_nothing(client: TestClient, seeded: Settings) -> None:
    """IATI activities imported onto a map holding only the reference layer, exported as
    IATI and imported again (same name, same source): nothing is created or updated, and
    the map's own reporting organization is not added (it reports as a secondary reporter)."""

    async def empty(db: Database) -> str:
        await empty_map(db, seeded)
        graph = prepare(seeded.seed_dir)
        themes = [n for n in graph.nodes if n.id.startswith("theme:")]
        await load(db, SeedGraph(themes, []), seeded.load_batch_size)
        return (await keys.create_key(db, "test-iati-round-trip", "editor"))[1]

    auth = {"Authorization": f"Bearer {run_db(seeded, empty)}"}
    original = (FILES / "good" / "activities.xml").read_bytes()
    first = client.post("/import", files=[("files", ("activities.xml", original))], headers=auth)
    assert first.status_code == 200, first.text
    exported = client.get("/export?format=iati")
    assert exported.status_code == 200, exported.text
    again = client.post(
        "/import",
        files=[("files", ("activities.xml", exported.content))],
        data={"source": "source:activities-xml"},
        headers=auth,
    )
    assert again.status_code == 200, again.text
    report = again.json()
    assert (report["created"], report["updated"]) == (0, 0), report
    assert (report["relationships_created"], report["relationships_updated"]) == (0, 0), report
    names = ask(client, "{ organizations(first: 50) { edges { node { name } } } }")
    assert "Alliance 8.7 stakeholder map" not in {
        e["node"]["name"] for e in names["organizations"]["edges"]
    }


def test_an_export_read_in_small_pages_is_the_same_export(
    seeded: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A field-scale map is exported a page per read; the pages join up to the whole."""
    whole = run_db(seeded, export.export_map)
    monkeypatch.setattr(export, "_EXPORT_PAGE", 7)
    paged = run_db(seeded, export.export_map)
    assert len(paged.nodes) == len(whole.nodes) > 7
    assert paged.files == whole.files
