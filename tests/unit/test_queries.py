from pathlib import Path

import pytest

from service.config import PROJECT_ROOT
from service.db.queries import Queries, load_fragments, parse_query
from service.errors import QueryFileError


def test_header_lists_parameters_across_lines() -> None:
    query = parse_query(
        "x/y",
        "// Finds things.\n// Parameters: $a,\n//   $b\n// Returns: rows\nMATCH (n {a: $a, b: $b}) RETURN n",
    )
    assert query.parameters == {"a", "b"}
    assert query.returns == "rows"
    assert query.text.startswith("MATCH")


def test_parameter_used_but_not_declared_is_rejected() -> None:
    with pytest.raises(QueryFileError, match=r"x/y: header names \['a'\] but the statement uses"):
        parse_query("x/y", "// Parameters: $a\n// Returns: n\nMATCH (n {a: $a, b: $b}) RETURN n")


def test_missing_header_is_rejected() -> None:
    with pytest.raises(QueryFileError, match="must have 'Parameters:' then 'Returns:'"):
        parse_query("x/y", "MATCH (n) RETURN n")


def test_every_project_query_loads_and_migrations_stay_apart() -> None:
    queries = Queries.load(PROJECT_ROOT / "cypher")
    assert "who/rows" in queries.names()
    assert not any(name.startswith("migrations/") for name in queries.names())
    with pytest.raises(KeyError, match="no Cypher statement named 'nope'"):
        queries["nope"]


def test_no_cypher_outside_the_cypher_folder() -> None:
    """Statements live in cypher/, never as strings in the package."""
    keywords = ("MATCH (", "MERGE (", "DETACH DELETE", "CREATE (")
    offenders = [
        path.name
        for path in Path(PROJECT_ROOT / "service").rglob("*.py")
        if any(k in path.read_text(encoding="utf-8") for k in keywords)
    ]
    assert offenders == []


def test_every_projection_fragment_loads_and_names_its_slots() -> None:
    fragments = load_fragments(PROJECT_ROOT / "cypher" / "projections")
    assert {"statement", "links", "values", "property"} <= set(fragments)
    assert fragments["property"].fill(node="n0", property="name") == "n0.name"


def test_a_fragment_refuses_what_is_not_a_name_where_a_name_goes() -> None:
    fragment = load_fragments(PROJECT_ROOT / "cypher" / "projections")["property"]
    with pytest.raises(QueryFileError, match="is not a name"):
        fragment.fill(node="n0", property="name}) MATCH (x) DETACH DELETE x //")
    with pytest.raises(QueryFileError, match="slots are"):
        fragment.fill(node="n0")


def test_a_fragment_whose_header_and_text_disagree_is_refused(tmp_path: Path) -> None:
    (tmp_path / "broken.part").write_text("// Fragment: x.\n// Slots: @a@\n@a@.@b@\n")
    with pytest.raises(QueryFileError, match="header names"):
        load_fragments(tmp_path)
