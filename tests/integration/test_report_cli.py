"""The report commands print tables and write CSV and JSON for a report."""

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from service.cli import app
from service.config import Settings
from service.seed import synthetic
from tests.conftest import run_db


def test_overlaps_as_table_csv_and_json(cli_env: None, tmp_path: Path) -> None:
    csv_path, json_path = tmp_path / "overlaps.csv", tmp_path / "overlaps.json"
    result = CliRunner().invoke(
        app,
        ["report", "overlaps", "--limit", "2", "--csv", str(csv_path), "--json", str(json_path)],
    )
    assert result.exit_code == 0, result.output
    assert "Overlapping initiatives" in result.output
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    assert len(rows) == 2  # as many as asked for
    assert float(rows[0]["score"]) >= float(rows[1]["score"])
    assert {r["verdict"] for r in rows} == {"OVERLAP"}
    assert json.loads(json_path.read_text(encoding="utf-8"))[0]["reasons"] == rows[0]["reasons"]
    # The migration study ended in 2018: compared on the report's day, not today.
    study = "initiative:modern-slavery-in-migration-prevalence"
    on_the_day = tmp_path / "on-the-day.csv"
    for day, expected in (("2017-11-13", True), (None, False)):
        args = ["report", "overlaps", "--csv", str(on_the_day)]
        result = CliRunner().invoke(app, args + (["--as-of", day] if day else []))
        assert result.exit_code == 0, result.output
        listed = {r["initiative_b"] for r in csv.DictReader(on_the_day.open(encoding="utf-8"))}
        assert (study in listed) is expected


def test_gaps_by_country_as_json(cli_env: None, tmp_path: Path) -> None:
    json_path = tmp_path / "gaps.json"
    result = CliRunner().invoke(
        app,
        [
            "report",
            "gaps",
            "--theme",
            "child-labour",
            "--level",
            "COUNTRY",
            "--limit",
            "5",
            "--json",
            str(json_path),
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(json_path.read_text(encoding="utf-8"))
    assert len(rows) == 5
    # By children in child labour, UNICEF's own country figures: Nigeria (31.5 % of 71.8
    # million children aged 5-17), then Ethiopia.
    assert [r["place"] for r in rows[:2]] == ["country:NGA", "country:ETH"]
    assert rows[0]["people"] == 22_596_449
    people = [r["people"] for r in rows]
    assert all(p is not None for p in people)
    assert {r["need_basis"] for r in rows} == {"country"}
    gaps = [r["gap_score"] for r in rows]
    assert gaps == sorted(gaps, reverse=True)


def test_a_bad_theme_is_a_clear_error(cli_env: None) -> None:
    result = CliRunner().invoke(app, ["report", "gaps", "--theme", "knitting"])
    assert result.exit_code == 1
    assert "theme: 'theme:knitting' is not on the map" in result.output


def test_seed_with_generated_initiatives(cli_env: None, seeded: Settings) -> None:
    """`a87map seed --generated N` is the entry benchmarks use: the seed, plus N generated
    initiatives and their generated organizations, found by the API like any other."""
    try:
        result = CliRunner().invoke(app, ["seed", "--generated", "40"])
        assert result.exit_code == 0, result.output
        assert "40 generated initiatives" in result.output

        made = [node.id for node in synthetic.generate(40).graph.nodes]
        kinds = {node_id.split(":")[0] for node_id in made}
        assert kinds == {"initiative", "organization"}
        found = run_db(seeded, lambda db: db.read("nodes/by_ids", ids=made))
        assert len(found) == len(made) == 40 + 10  # and a quarter as many organizations
    finally:
        run_db(seeded, synthetic.remove)
