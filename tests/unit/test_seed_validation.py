"""The seed files are validated whole, before anything is written; these tests need no
database because rejection happens before one is touched."""

import re
import shutil
from pathlib import Path

import pytest

from service.config import PROJECT_ROOT
from service.errors import SeedInvalid
from service.model.fields import date_bounds
from service.seed.files import read_seed
from service.seed.graph import build_graph
from service.seed.loader import prepare


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seed"
    shutil.copytree(PROJECT_ROOT / "seed", target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_project_seed_is_valid() -> None:
    graph = prepare(PROJECT_ROOT / "seed")
    ids = {node.id for node in graph.nodes}
    assert {"organization:ilo", "country:ARG", "sdg-target:8.7", "region:world"} <= ids


def test_a_bad_field_names_file_record_and_field(seed_copy: Path) -> None:
    _edit(seed_copy / "organizations.yaml", "type: un_agency", "type: space_agency")
    with pytest.raises(SeedInvalid) as caught:
        read_seed(seed_copy)
    problem = caught.value.problems[0]
    assert problem.file == "organizations.yaml"
    assert problem.record == "organizations[2] (organization:ilo)"
    assert problem.field == "type"
    assert "nothing was written" in str(caught.value)


def test_a_misspelt_field_is_not_silently_dropped(seed_copy: Path) -> None:
    _edit(seed_copy / "initiatives.yaml", "    status: active\n", "    statuss: active\n")
    with pytest.raises(
        SeedInvalid,
        match=r"initiatives.yaml, record initiatives\[1\] "
        r"\(initiative:knowledge-platform\), field 'statuss'",
    ):
        read_seed(seed_copy)


def test_a_link_to_nothing_is_rejected(seed_copy: Path) -> None:
    _edit(
        seed_copy / "relationships.yaml",
        "to: initiative:knowledge-platform,",
        "to: initiative:no-such-platform,",
    )
    with pytest.raises(SeedInvalid, match="'initiative:no-such-platform' is not on the map"):
        build_graph(read_seed(seed_copy))


def test_a_link_between_wrong_kinds_is_rejected(seed_copy: Path) -> None:
    _edit(
        seed_copy / "relationships.yaml",
        "{from: organization:unicef, type: CHAIRS, to: action-group:conflict-humanitarian-settings",
        "{from: organization:unicef, type: CHAIRS, to: country:ARG",
    )
    with pytest.raises(SeedInvalid, match="CHAIRS cannot point to a country"):
        build_graph(read_seed(seed_copy))


def test_a_citation_must_name_a_real_section(seed_copy: Path) -> None:
    _edit(
        seed_copy / "themes.yaml",
        "section: 2. Partner Updates / Workers",
        "section: 9. Closing Remarks",
    )
    with pytest.raises(
        SeedInvalid,
        match=re.escape("'9. Closing Remarks' is not a section of source:gcg-2017-report"),
    ):
        build_graph(read_seed(seed_copy))


def test_broken_yaml_and_missing_files_are_named(seed_copy: Path) -> None:
    (seed_copy / "events.yaml").write_text("events: [unclosed", encoding="utf-8")
    (seed_copy / "themes.yaml").unlink()
    with pytest.raises(SeedInvalid) as caught:
        read_seed(seed_copy)
    found = {(p.file, p.message.split(":")[0]) for p in caught.value.problems}
    assert ("events.yaml", "not valid YAML") in found
    assert ("themes.yaml", "the file is missing") in found


def test_partial_dates_cover_their_whole_period() -> None:
    bounds = date_bounds("2017-06", "2018")
    assert (str(bounds["start_on"]), str(bounds["end_on"])) == ("2017-06-01", "2018-12-31")
    assert str(date_bounds(None, "2016-02")["end_on"]) == "2016-02-29"


def _rejected(seed: Path) -> list[str]:
    with pytest.raises(SeedInvalid) as caught:
        prepare(seed)
    return [str(p) for p in caught.value.problems]


def test_a_citation_about_nothing_the_record_has_is_rejected(seed_copy: Path) -> None:
    _edit(
        seed_copy / "themes.yaml",
        "        note: Workers' organizations call it a top priority for trade unions.\n",
        "        note: Workers' organizations call it a top priority for trade unions.\n"
        "      - section: Title page\n        about: [dates]\n        note: A misspelt field.\n",
    )
    [problem] = _rejected(seed_copy)
    assert "'dates' is neither a field of this record nor an id it links to" in problem


def test_an_inferred_citation_of_the_record_itself_is_rejected(seed_copy: Path) -> None:
    """A field of the record that is inferred goes in its `inferred` list, which travels
    with it through edits and imports; only a citation of links says it is inferred."""
    _edit(
        seed_copy / "themes.yaml",
        "        note: Workers' organizations call it a top priority for trade unions.\n",
        "        note: Workers' organizations call it a top priority for trade unions.\n"
        "      - section: Title page\n        about: [description]\n"
        "        note: Inferred.\n        basis: inferred\n        inferred_from: the cover\n",
    )
    [problem] = _rejected(seed_copy)
    assert "field 'cited[2].basis'" in problem
    assert "`inferred` list" in problem


def test_an_inferred_field_must_be_given(seed_copy: Path) -> None:
    _edit(
        seed_copy / "events.yaml",
        "    kind: convening\n",
        '    kind: convening\n    inferred: ["date: from nothing"]\n',
    )
    [problem] = _rejected(seed_copy)
    assert "'date' is no field given on this record" in problem


def test_a_country_figure_without_a_year_or_period_is_rejected(seed_copy: Path) -> None:
    path = seed_copy / "need" / "gsi2023_modern_slavery_by_country.csv"
    _edit(path, ",2021,Global Slavery Index 2023,", ",sometime,Global Slavery Index 2023,")
    [problem] = _rejected(seed_copy)
    assert "gives neither a year nor a period" in problem
    assert "data_year" in problem
