"""A batch's undo kept as text gives back what it kept, with the database's own types: a
restored date is a date again, not the text of one."""

import datetime

import neo4j.time
import pytest

from service.domain.undo import Undo


def test_an_undo_read_back_is_the_undo_written() -> None:
    undo = Undo(
        nodes_created=["organization:new"],
        nodes_updated=[
            {
                "id": "commitment:x",
                "before": {
                    "start_on": neo4j.time.Date(2024, 1, 31),
                    "checked": neo4j.time.DateTime(2024, 2, 1, 8, 30, tzinfo=datetime.UTC),
                    "every": neo4j.time.Duration(months=1, days=2),
                    "sectors": [],
                    "value": 1.0,
                    "people": 12,
                    "consent": True,
                },
            }
        ],
        links_created=[{"from": "a", "type": "FUNDS", "to": "b", "key": "a|FUNDS|b"}],
        events=["event-1"],
    )
    again = Undo.from_text(undo.as_text())
    assert again == undo
    before = again.nodes_updated[0]["before"]
    assert type(before["start_on"]) is neo4j.time.Date
    assert type(before["every"]) is neo4j.time.Duration
    assert type(before["value"]) is float


def test_an_undo_refuses_a_value_it_could_not_give_back() -> None:
    with pytest.raises(TypeError, match="cannot keep"):
        Undo(nodes_updated=[{"id": "x", "before": {"odd": object()}}]).as_text()


def test_an_empty_undo_says_so() -> None:
    assert Undo().is_empty()
    assert not Undo(events=["e"]).is_empty()


def test_an_undo_keeps_the_provenance_it_takes_back() -> None:
    """What a batch's notes of where facts were seen held before it (times as times), and
    which it added (before: None); a step kept before provenance existed reads as none."""
    seen_at = neo4j.time.DateTime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)
    undo = Undo(
        seen=[
            {"node": "initiative:a", "fact": "initiative:a", "file": "3w.csv", "before": None},
            {
                "node": "organization:b",
                "fact": "organization:b|LEADS|initiative:a",
                "file": "3w.csv",
                "before": {"first_seen": seen_at, "last_seen": seen_at, "times": 1},
            },
        ],
        seen_files=[{"name": "3w.csv", "before": None}],
    )
    again = Undo.from_text(undo.as_text())
    assert again == undo
    assert type(again.seen[1]["before"]["last_seen"]) is neo4j.time.DateTime
    assert not again.is_empty()
    older = Undo.from_text('{"nodes_created": ["x"], "events": []}')
    assert (older.seen, older.seen_files) == ([], [])
