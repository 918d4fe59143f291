"""Property-based: read queries generated from the schema by hypothesis-graphql, with ids of
every kind on the seeded map (and some that are not, or malformed), numbers and dates in and
far out of range, sent as the public and with a key. Whatever the question, the answer is
never a 5xx and never an internal error: every refusal is a coded client error.

`A87_FUZZ_EXAMPLES` sets the number of generated queries (2,000 by default; `make fuzz` asks
for more); the outcome of each run is written to `.artifacts/fuzz-queries.json`."""

import json
import os
from collections import Counter
from datetime import UTC

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema, nodes

from service.api.graphql.schema import build_schema
from service.config import PROJECT_ROOT, Settings
from service.db.driver import Database
from service.editing import keys
from service.seed.loader import prepare
from tests.conftest import run_db

EXAMPLES = int(os.environ.get("A87_FUZZ_EXAMPLES", "2000"))
WORDS = ["child labour", "ILO", "Buenos Aires", "forced-labour", "ARG", "8.7", "AFR", "2017"]


def _seed_ids(seeded: Settings) -> list[str]:
    """One id of every record of the seed, and a few that are not on the map."""
    ids = sorted({node.id for node in prepare(seeded.seed_dir).nodes})
    return [*ids, "organization:not-on-the-map", "ilo", "", "need:", "country:XX"]


@pytest.fixture(scope="module")
def token(seeded: Settings) -> str:
    async def make(db: Database) -> str:
        return (await keys.create_key(db, "test-fuzz-reader", "admin"))[1]

    return run_db(seeded, make)


def _queries(seeded: Settings) -> st.SearchStrategy[str]:
    schema = build_schema(seeded)._schema
    ids = _seed_ids(seeded)
    iso3 = sorted({i.split(":", 1)[1] for i in ids if i.startswith("country:")})
    dates = st.one_of(
        st.dates().map(lambda d: d.isoformat()),
        st.sampled_from(["12019-01-01", "2017-13-40", "-0001-01-01", "2017", ""]),
    )
    return from_schema(
        schema,
        fields=list(schema.query_type.fields),
        custom_scalars={
            "ID": st.sampled_from(ids).map(nodes.String),
            "Int": st.one_of(
                st.integers(min_value=-2, max_value=30),
                st.sampled_from([-(2**31), 2**31 - 1, 1990, 2017, 2100, 12019]),
            ).map(nodes.Int),
            "Float": st.one_of(
                st.floats(min_value=-1, max_value=2), st.sampled_from([1e308, -1e308])
            ).map(nodes.Float),
            "String": st.one_of(st.sampled_from([*WORDS, *iso3]), st.text(max_size=20)).map(
                nodes.String
            ),
            "Date": dates.map(nodes.String),
            "DateTime": st.one_of(
                st.datetimes(timezones=st.just(UTC)).map(lambda t: t.isoformat()),
                st.datetimes().map(lambda t: t.isoformat()),  # no zone: refused, never a 500
                st.sampled_from(["2017-11-13T00:00:00Z", "2017-13-40T25:00:00Z", "", "now"]),
            ).map(nodes.String),
            "JSON": st.just(nodes.Null),
        },
    )


def test_no_query_generated_from_the_schema_ends_in_a_server_error(
    client: TestClient, seeded: Settings, token: str
) -> None:
    seen: Counter[str] = Counter()
    failures: list[dict[str, str]] = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(query=_queries(seeded), keyed=st.booleans())
    def check(query: str, keyed: bool) -> None:
        headers = {"Authorization": f"Bearer {token}"} if keyed else {}
        response = client.post("/graphql", json={"query": query}, headers=headers)
        seen["cases"] += 1
        if response.status_code >= 500:
            failures.append({"query": query, "answer": response.text[:300]})
            return
        codes = {e.get("extensions", {}).get("code") for e in response.json().get("errors", [])}
        seen.update(str(code) for code in codes or {"answered"})
        if "INTERNAL_SERVER_ERROR" in codes or None in codes:
            failures.append({"query": query, "answer": response.text[:300]})

    check()
    report = PROJECT_ROOT / ".artifacts" / "fuzz-queries.json"
    report.parent.mkdir(exist_ok=True)
    report.write_text(json.dumps({"outcomes": seen, "failures": failures[:20]}, indent=1))
    assert seen["cases"] >= EXAMPLES // 2, f"hypothesis ran few cases: {seen}"
    assert not failures, json.dumps(failures[:5], indent=1)
