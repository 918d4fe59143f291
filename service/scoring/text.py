"""How alike two initiatives' names and descriptions are: the cosine of their TF-IDF vectors,
with English stop words left out and each word's rarity fixed in `word_rarity.json`
(learnt from the seed's curated texts; `make word-rarity` writes it again, and a test
fails when it no longer matches the seed).

The rarity is fixed rather than learnt from whatever initiatives are being compared, so a
pair's similarity depends on its two texts alone: stored overlap scores can then be
updated one initiative at a time and still equal a rescore of the whole map. A word the
seed never uses counts as rarer than any it does."""

import json
import math
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

RARITY_FILE = Path(__file__).with_name("word_rarity.json")


@dataclass(frozen=True)
class WordRarity:
    documents: int
    document_frequency: dict[str, int]

    def idf(self, word: str) -> float:
        """scikit-learn's smoothed inverse document frequency."""
        seen = self.document_frequency.get(word, 0)
        return math.log((1 + self.documents) / (1 + seen)) + 1

    def as_json(self) -> str:
        body = {"documents": self.documents, "document_frequency": self.document_frequency}
        return json.dumps(body, indent=0, sort_keys=True) + "\n"


def _words() -> CountVectorizer:
    return CountVectorizer(stop_words="english", lowercase=True)


def learn_rarity(texts: list[str]) -> WordRarity:
    """How many of `texts` use each word."""
    counts = _words().set_params(binary=True)
    matrix = counts.fit_transform(texts)
    frequency = np.asarray(matrix.sum(axis=0)).ravel()
    vocabulary = counts.vocabulary_
    return WordRarity(len(texts), {w: int(frequency[n]) for w, n in sorted(vocabulary.items())})


@cache
def rarity() -> WordRarity:
    body = json.loads(RARITY_FILE.read_text(encoding="utf-8"))
    return WordRarity(body["documents"], body["document_frequency"])


@dataclass(frozen=True)
class TextVectors:
    """One L2-normalised row per initiative, in the order of `ids`."""

    ids: list[str]
    matrix: sparse.csr_matrix

    @cached_property
    def row(self) -> dict[str, int]:
        return {pid: n for n, pid in enumerate(self.ids)}

    def similarities(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """The cosine of rows left[k] and right[k] for each k."""
        if len(left) == 0:
            return np.zeros(0)
        product = self.matrix[left].multiply(self.matrix[right])
        return np.asarray(product.sum(axis=1)).ravel()


def vectors(texts: dict[str, str]) -> TextVectors:
    """Sublinear term frequency times the fixed rarity, each row scaled to length 1. The
    columns are the words in alphabetical order, so a row's values do not depend on
    which other texts are present."""
    ids = sorted(texts)
    counts = _words()
    try:
        matrix = counts.fit_transform([texts[pid] for pid in ids]).astype(np.float64)
    except ValueError:  # no words at all, only stop words
        return TextVectors(ids, sparse.csr_matrix((len(ids), 1)))
    known = rarity()
    weights = np.array(
        [known.idf(w) for w, _ in sorted(counts.vocabulary_.items(), key=lambda kv: kv[1])]
    )
    matrix.data = 1 + np.log(matrix.data)
    matrix = sparse.csr_matrix(matrix.multiply(weights))
    lengths = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    lengths[lengths == 0] = 1
    return TextVectors(ids, sparse.csr_matrix(sparse.diags(1 / lengths) @ matrix))
