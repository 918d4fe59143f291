import pytest

from service.domain.filters import map_id
from service.domain.pagination import Page, PageRequest, decode_cursor, encode_cursor
from service.domain.search import lucene_query
from service.errors import BadId, BadInput
from service.model.ids import country_id, expect_kind, split_id


def test_ids_split_into_kind_and_key() -> None:
    assert split_id("sdg-target:8.7") == ("sdg-target", "8.7")
    with pytest.raises(BadId, match="unknown kind 'planet'"):
        split_id("planet:x")
    with pytest.raises(BadId, match="is a country id; expected a organization id"):
        expect_kind("country:ARG", "organization")


def test_country_codes_in_any_iso_form() -> None:
    assert country_id("arg") == "country:ARG"
    assert country_id("AR") == "country:ARG"
    assert country_id("country:ARG") == "country:ARG"
    with pytest.raises(BadInput, match="'ZZZ' is not an ISO 3166 country code"):
        country_id("ZZZ")


def test_filter_values_become_map_ids_of_the_right_kind() -> None:
    assert map_id("sdg_target", "8.7") == "sdg-target:8.7"
    assert map_id("theme", "child-labour") == "theme:child-labour"
    with pytest.raises(BadInput, match="actionGroup: 'theme:x' is a theme id"):
        map_id("action_group", "theme:x")


def test_cursors_round_trip_and_reject_forgeries() -> None:
    assert decode_cursor(encode_cursor(41)) == 41
    with pytest.raises(BadInput, match="not a cursor this API gave out"):
        decode_cursor("b2Zmc2V0Oi0x")  # "offset:-1"
    assert PageRequest.of(10, encode_cursor(9), 100) == PageRequest(skip=10, limit=10)
    with pytest.raises(BadInput, match="'first' must be between 1 and 100, not 500"):
        PageRequest.of(500, None, 100)


def test_page_knows_whether_more_follow() -> None:
    assert Page(items=[1, 2], total=5, skip=2).has_next
    assert not Page(items=[1], total=3, skip=2).has_next


def test_search_text_cannot_use_lucene_syntax() -> None:
    assert lucene_query("ILO") == "(ilo OR ilo*)"
    assert lucene_query('child OR "labour" title:x') == (
        "(child OR child*) (or OR or*) (labour OR labour*) (title OR title*) (x OR x*)"
    )
    with pytest.raises(BadInput, match="at least one word"):
        lucene_query("*** ::")
