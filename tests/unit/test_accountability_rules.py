"""The rules behind the follow-up answers, without a database: a commitment's latest word
(its record or a newer progress update), when it is overdue, and what a person's or a
commitment's draft refuses."""

from datetime import date

import pytest

from service.domain.accountability import current_state, is_overdue
from service.errors import Invalid
from service.model.kinds import CommitmentDraft, PersonDraft, parse

CITED = [{"source": "source:gcg-2017-report", "section": "Agenda", "note": "Test."}]


def test_the_latest_word_is_the_record_or_a_newer_progress_update() -> None:
    record = {"status": "made", "status_since": "2017-11-13", "due_on": date(2018, 12, 31)}
    assert current_state(record, []).status == "made"
    older = [{"progress": "met", "since": "2017-06"}]
    assert current_state(record, older).status == "made"
    newer = [{"progress": "lapsed", "since": "2019"}, {"progress": "met", "since": "2018-06"}]
    state = current_state(record, newer)
    assert (state.status, state.since, state.from_progress) == ("lapsed", "2019", True)
    # On the same day, the dated document wins over the record.
    same_day = [{"progress": "in_progress", "since": "2017-11-13"}]
    assert current_state(record, same_day).status == "in_progress"
    # A record whose status date is unknown yields to any dated update.
    undated = {**record, "status_since": None}
    assert current_state(undated, [{"progress": "met", "since": "2018"}]).status == "met"


def test_overdue_means_due_before_the_day_and_still_open() -> None:
    record = {"status": "made", "status_since": "2017-11-13", "due_on": date(2018, 7, 31)}
    state = current_state(record, [])
    assert not is_overdue(record, state, date(2018, 7, 31))
    assert is_overdue(record, state, date(2018, 8, 1))
    met = current_state(record, [{"progress": "met", "since": "2018-07"}])
    assert not is_overdue(record, met, date(2026, 12, 1))
    undated = {**record, "due_on": None}
    assert not is_overdue(undated, current_state(undated, []), date(2026, 12, 1))


def test_a_contact_needs_the_persons_consent() -> None:
    with pytest.raises(Invalid) as refused:
        parse(PersonDraft, {"name": "A Person", "contact": "a@example.org", "cited": CITED})
    assert [p.field for p in refused.value.problems] == ["contact"]
    given = {"name": "A Person", "contact": "a@example.org", "contact_consent": True}
    assert parse(PersonDraft, {**given, "cited": CITED}).node_id() == "person:a-person"


def test_a_commitment_is_due_after_it_is_made_and_due_to_the_end_of_its_date() -> None:
    base = {"name": "A pledge", "status": "made", "made_on": "2018-03", "cited": CITED}
    with pytest.raises(Invalid) as refused:
        parse(CommitmentDraft, {**base, "due": "2017"})
    assert [p.field for p in refused.value.problems] == ["due"]
    pledge = parse(CommitmentDraft, {**base, "due": "2019-02"})
    assert pledge.properties()["due_on"] == date(2019, 2, 28)
