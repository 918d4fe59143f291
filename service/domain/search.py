"""Full-text search over every kind of node: the map's own records first, then SDG goals
and targets (whose official wording shares words with almost any search), each by
relevance. User text is turned into a Lucene query with every piece of syntax escaped,
and bounded in length."""

import re
from dataclasses import dataclass

from service.db.driver import Database
from service.errors import BadInput
from service.model.records import MapRecord

# Characters Lucene's query parser treats as syntax; user text must not be able to use them.
_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_WORD = re.compile(r"\w+", re.UNICODE)
# Lucene turns a prefix into an automaton whose size grows with the word; past a few
# thousand characters it gives up. No name or word on the map comes near these.
TEXT_MAX = 500
WORD_MAX = 100
WORDS_MAX = 20


@dataclass(frozen=True)
class SearchHit:
    node: MapRecord
    score: float


def lucene_query(text: str) -> str:
    """Every word of the text, matched as a whole word or as a prefix; all syntax escaped."""
    if len(text) > TEXT_MAX:
        raise BadInput(f"text: {len(text):,} characters; search takes at most {TEXT_MAX}")
    found = _WORD.findall(text)
    if long := next((w for w in found if len(w) > WORD_MAX), None):
        raise BadInput(
            f"text: a word of {len(long):,} characters; search words are at most {WORD_MAX}"
        )
    # Lower case, so that words such as AND, OR and NOT are searched for, not obeyed.
    words = [_SPECIAL.sub(r"\\\1", w.lower()) for w in found]
    if not words:
        raise BadInput("text: give at least one word or number to search for")
    return " ".join(f"({w} OR {w}*)" for w in words[:WORDS_MAX])


async def search(db: Database, text: str, first: int, maximum: int) -> list[SearchHit]:
    if not 1 <= first <= maximum:
        raise BadInput(f"first: must be between 1 and {maximum}, not {first}")
    rows = await db.read("search/fulltext", query=lucene_query(text), limit=first)
    return [SearchHit(MapRecord.from_row(row), float(row["score"])) for row in rows]
