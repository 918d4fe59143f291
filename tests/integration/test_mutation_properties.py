"""Property-based: mutations generated from the schema by hypothesis-graphql, sent with an
admin key and with a scoped key, with ids that are on the map and versions they may be at,
so the write paths are reached rather than refused at the door. Whatever the input, the
answer is never a 5xx and never an internal error: every refusal is a coded client error.
The number of examples is bounded so the suite stays quick; the map is put back after."""

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, get_args

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema, nodes

from service.api.graphql.schema import build_schema
from service.config import Settings
from service.db.driver import Database
from service.editing import keys
from service.model.relationships import RELATIONSHIPS, RelationshipType
from service.seed.loader import load, prepare
from tests.conftest import run_db

EXAMPLES = 120
# Ids on the seeded map (and a few that are not, or are malformed), so that most generated
# mutations name real records and get as far as the version check, the rights check or the
# write itself.
IDS = [
    "organization:ilo",
    "organization:iom",
    "organization:unicef",
    "initiative:knowledge-platform",
    "initiative:global-estimates-modern-slavery",
    "action-group:conflict-humanitarian-settings",
    "event:gcg-1-buenos-aires-2017",
    "source:gcg-2017-report",
    "theme:forced-labour",
    "theme:child-labour",
    "country:ARG",
    "region:ilo-africa",
    "sdg-target:8.7",
    "organization:not-on-the-map",
    "ilo",
    "",
]
SCOPED_TO = "organization:iom"
WORDS = [
    "1. Introduction to Alliance 8.7",
    "In attendance",
    "A note for the test.",
    "Test name",
    "PARTNERS_IN",
    "LEADS",
    "MEMBER_OF",
    "co-chair",
]


@pytest.fixture(scope="module")
def tokens(seeded: Settings) -> Iterator[list[str]]:
    async def make(db: Database) -> list[str]:
        admin = (await keys.create_key(db, "test-prop-admin", "admin"))[1]
        scoped = (await keys.create_key(db, "test-prop-scoped", "editor", SCOPED_TO))[1]
        return [admin, scoped]

    yield run_db(seeded, make)

    async def reset(db: Database) -> None:
        await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
        await load(db, prepare(seeded.seed_dir), seeded.load_batch_size)

    run_db(seeded, reset)


def _mutations(seeded: Settings) -> st.SearchStrategy[str]:
    schema = build_schema(seeded)._schema
    assert schema.mutation_type is not None
    return from_schema(
        schema,
        fields=list(schema.mutation_type.fields),
        custom_scalars={
            "ID": st.sampled_from(IDS).map(nodes.String),
            # Versions (and page sizes) near what the map holds, with some out of range.
            "Int": st.integers(min_value=-1, max_value=3).map(nodes.Int),
            # Words the map takes (a real section, relationship types, a note) as often as
            # arbitrary text with control characters, so checks past the first are reached.
            "String": st.one_of(st.sampled_from(WORDS), st.text(max_size=40)).map(nodes.String),
        },
    )


Send = Callable[[str, dict[str, Any], str], Counter[str]]


@pytest.fixture
def send(client: TestClient) -> Send:
    """Posts one mutation; asserts no 5xx and no internal error; tallies the outcome."""

    def post(query: str, variables: dict[str, Any], token: str) -> Counter[str]:
        response = client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code < 500, (query, variables, response.text[:500])
        body = response.json()
        codes = [e.get("extensions", {}).get("code") for e in body.get("errors", [])]
        assert "INTERNAL_SERVER_ERROR" not in codes, (query, variables, response.text[:500])
        written = [k for k, v in (body.get("data") or {}).items() if v is not None]
        return Counter([str(c) for c in codes] + ["written"] * len(written))

    return post


def test_no_mutation_generated_from_the_schema_ends_in_a_server_error(
    send: Send, tokens: list[str], seeded: Settings
) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(mutation=_mutations(seeded), token=st.sampled_from(tokens))
    def check(mutation: str, token: str) -> None:
        send(mutation, {}, token)

    check()


# The write paths themselves, with inputs that are mostly right and now and then wrong.
def _kind(node_id: str) -> str:
    return node_id.split(":", 1)[0]


def _link_input(pair: tuple[tuple[str, str, str], dict[str, Any]]) -> dict[str, Any]:
    return {**dict(zip(("from", "type", "to"), pair[0], strict=True)), **pair[1]}


# (from, type, to) triples of ids on the map whose kinds the relationship type joins.
LINKS = sorted(
    (start, link_type, end)
    for link_type, rel in RELATIONSHIPS.items()
    if link_type in get_args(RelationshipType) and link_type not in ("CHAIRS", "PARTNERSHIP_WITH")
    for start in IDS
    for end in IDS
    if ":" in start and ":" in end and _kind(start) in rel.starts and _kind(end) in rel.ends
)
RECORDS = [i for i in IDS if i.split(":")[0] in ("organization", "initiative", "source", "event")]
# Mostly words the map takes; one time in four, arbitrary text (control characters too).
TEXT = st.one_of(*[st.sampled_from(WORDS)] * 3, st.text(max_size=30))
CITED = st.lists(
    st.fixed_dictionaries(
        {
            "source": st.sampled_from(["source:gcg-2017-report", "source:gcg-2017-report", *IDS]),
            "section": st.sampled_from(["1. Introduction to Alliance 8.7", "In attendance", None]),
            "note": TEXT,
        }
    ),
    min_size=1,
    max_size=2,
)
WRITES = st.one_of(
    st.tuples(
        st.sampled_from(["retire", "restore", "delete"]).map(
            lambda action: (
                f"mutation($id: ID!, $v: Int!) {{ {action}(id: $id, version: $v) "
                "{ __typename } }"
            )
        ),
        st.fixed_dictionaries(
            {"id": st.sampled_from(RECORDS), "v": st.integers(0, 3) | st.just(1)}
        ),
    ),
    st.tuples(
        st.just(
            "mutation($id: ID!, $v: Int!, $input: OrganizationInput!) "
            "{ updateOrganization(id: $id, version: $v, input: $input) { version } }"
        ),
        st.fixed_dictionaries(
            {
                "id": st.sampled_from(["organization:ilo", "organization:iom"])
                | st.sampled_from(IDS),
                "v": st.integers(0, 3),
                "input": st.fixed_dictionaries(
                    {"name": TEXT, "type": st.sampled_from(["NGO", "UN_AGENCY"]), "cited": CITED}
                ),
            }
        ),
    ),
    st.tuples(
        st.just("mutation($input: RelationshipInput!) { addRelationship(input: $input) { type } }"),
        st.fixed_dictionaries(
            {
                "input": st.tuples(
                    st.one_of(
                        *[st.sampled_from(LINKS)] * 3, st.tuples(*[st.sampled_from(IDS)] * 3)
                    ),
                    st.fixed_dictionaries(
                        {
                            "source": st.sampled_from(["source:gcg-2017-report", *IDS]),
                            "note": TEXT,
                            "section": st.sampled_from(["In attendance", "Nowhere", None]),
                        }
                    ),
                ).map(_link_input)
            }
        ),
    ),
)


def test_no_write_with_real_ids_and_versions_ends_in_a_server_error(
    send: Send, tokens: list[str]
) -> None:
    seen: Counter[str] = Counter()

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(write=WRITES, token=st.sampled_from(tokens))
    def check(write: tuple[str, dict[str, Any]], token: str) -> None:
        seen.update(send(*write, token))

    check()
    # The examples got past the door: some were written, some met a version check.
    assert seen["written"] > 0, seen
    assert seen["CONFLICT"] > 0, seen
