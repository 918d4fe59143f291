"""The word rarity overlap scoring uses is the seed's own: a seed whose texts changed
without `make word-rarity` fails here."""

from service.scoring import text
from service.seed import word_rarity


def test_the_stored_word_rarity_is_learnt_from_the_seed_as_it_is() -> None:
    stored = text.RARITY_FILE.read_text(encoding="utf-8")
    assert stored == word_rarity.from_seed().as_json(), "run `make word-rarity`"
