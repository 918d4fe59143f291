"""What the map exports reads back through the same readers with nothing lost: the seed
plus one imported 3W sheet, exported as the map's CSV and as a 3W table with HXL hashtags
and imported into a map holding only the reference layer, gives the same initiatives,
organizations, places and roles; and the IATI export names, in the file, every initiative
it leaves out and why."""

import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from typer.testing import CliRunner

from service.cli import app
from service.config import Settings
from service.interchange import export
from tests.conftest import empty_map, reseed, run_db

SHEET = Path(__file__).resolve().parent.parent / "data" / "interchange" / "good" / "three_w.csv"
ROLES = ("LEADS", "IMPLEMENTS", "FUNDS", "PARTNERS_IN", "HOSTS", "REQUESTED", "PROPOSED")


@pytest.fixture
def seed_and_sheet(seeded: Settings, cli_env: None) -> Any:
    """The seed, and a 3W sheet imported on it (new organizations, roles, areas)."""
    done = CliRunner().invoke(
        app, ["import", str(SHEET), "--source", "source:gcg-2017-report", "--section", "Agenda"]
    )
    assert done.exit_code == 0, done.output
    yield seeded
    reseed(seeded)


def _map(settings: Settings) -> dict[str, Any]:
    """What a user compares, in names and ids: the initiatives (id, name, status, dates),
    the organizations (by name), each initiative's places, and each role (who, which role,
    in what)."""
    exported = run_db(settings, export.export_map).files
    names = {o["id"]: o["name"] for o in exported["organizations"]}
    return {
        "initiatives": {
            (i["id"], i["name"], i["status"], i.get("start"), i.get("end"))
            for i in exported["initiatives"]
        },
        "organizations": set(names.values()),
        "places": {
            (i["id"], tuple(sorted(i["countries"])), tuple(sorted(i["regions"])), tuple(i["areas"]))
            for i in exported["initiatives"]
        },
        "roles": {
            (names[r["from"]], r["type"], r["to"])
            for r in exported["relationships"]
            if r["type"] in ROLES and r["from"] in names and r["to"].startswith("initiative:")
        },
    }


def _empty(settings: Settings) -> None:
    run_db(settings, lambda db: empty_map(db, settings))


def test_the_csv_export_reads_back_as_the_same_map(
    seed_and_sheet: Settings, tmp_path: Path
) -> None:
    before = _map(seed_and_sheet)
    runner = CliRunner()
    exported = tmp_path / "map-csv.zip"
    assert runner.invoke(app, ["export", str(exported), "--format", "csv"]).exit_code == 0
    _empty(seed_and_sheet)
    folder = tmp_path / "csv"
    zipfile.ZipFile(exported).extractall(folder)
    done = runner.invoke(app, ["import", *(str(p) for p in sorted(folder.iterdir()))])
    assert done.exit_code == 0, done.output
    assert _map(seed_and_sheet) == before


def test_the_3w_export_reads_back_as_the_same_initiatives_places_and_roles(
    seed_and_sheet: Settings, tmp_path: Path
) -> None:
    """Every initiative (with no organization, or placed only in a region, too), every
    role of every kind, the countries, regions and areas. An organization that holds no
    role in an initiative has no row in a table of who does what: the note above the table
    names each, and only those are missing."""
    before = _map(seed_and_sheet)
    runner = CliRunner()
    table = tmp_path / "map-3w.csv"
    assert runner.invoke(app, ["export", str(table), "--format", "hxl"]).exit_code == 0
    note = table.read_text(encoding="utf-8").splitlines()[0]
    holding = {who for who, _, _ in before["roles"]}
    roleless = sorted(before["organizations"] - holding)
    assert roleless, "the seed has organizations in no initiative role"
    assert note.startswith(f"Not in this table: {len(roleless)} organizations")
    assert all(name in note for name in roleless)
    _empty(seed_and_sheet)
    done = runner.invoke(app, ["import", str(table)])
    assert done.exit_code == 0, done.output
    after = _map(seed_and_sheet)
    assert after["initiatives"] == before["initiatives"]
    assert after["places"] == before["places"]
    assert after["roles"] == before["roles"]
    assert after["organizations"] == holding
    # Read back and exported again, it is the same table (the note aside: the map now
    # holds no organization without a role).
    again = tmp_path / "again-3w.csv"
    assert runner.invoke(app, ["export", str(again), "--format", "hxl"]).exit_code == 0
    lines = table.read_text(encoding="utf-8").splitlines()
    assert again.read_text(encoding="utf-8").splitlines() == lines[1:]


def test_the_iati_export_names_every_initiative_it_leaves_out(
    seed_and_sheet: Settings, tmp_path: Path
) -> None:
    """Each initiative is an activity of the file or is named, with why, in the comment at
    its top."""
    initiatives = {i[0] for i in _map(seed_and_sheet)["initiatives"]}
    file = tmp_path / "activities.xml"
    done = CliRunner().invoke(app, ["export", str(file), "--format", "iati"])
    assert done.exit_code == 0, done.output
    root = etree.parse(str(file)).getroot()
    written = {a.findtext("iati-identifier") or "" for a in root.iter("iati-activity")}
    [comment] = [c.text or "" for c in root.iter(etree.Comment)]
    reasons = [line.strip() for line in comment.splitlines()[1:] if line.strip()]
    named = {line.split(": ", 1)[0] for line in reasons}
    assert written
    assert named
    for initiative in initiatives:
        key = initiative.split(":", 1)[1]
        assert initiative in named or any(w.endswith(key) for w in written), initiative
    # Why is said for each one named.
    assert all(len(line.split(": ", 1)[1]) > 5 for line in reasons)
