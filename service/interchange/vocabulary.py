"""The field's words, read from `seed/field_words.yaml` and `seed/sector_themes.yaml`
(curated data editors extend): column headings of sheets without hashtags, status words,
organization type words, and which themes a sector stands for. Every word is kept as
`plain` makes it, so lookups ignore case, accents and punctuation."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import Field, ValidationError

from service.errors import Problem, SeedInvalid
from service.interchange.iati_codes import IatiCodes, load_iati_codes
from service.model.fields import MapId, Strict, Text, plain
from service.model.values import InitiativeStatus, OrganizationType

M = TypeVar("M", bound=Strict)
FIELD_WORDS = "field_words.yaml"
SECTOR_THEMES = "sector_themes.yaml"
_TYPES = frozenset(t.value for t in OrganizationType)


class _FieldWords(Strict):
    placeholders: list[str]
    headings: dict[str, list[str]]
    statuses: dict[InitiativeStatus, list[str]]
    organization_types: dict[OrganizationType, list[str]]


class _Sector(Strict):
    words: list[Text] = Field(min_length=1)
    themes: list[MapId] = Field(min_length=1)
    why: Text


class _SectorThemes(Strict):
    sectors: list[_Sector]


@dataclass(frozen=True)
class Vocabulary:
    """Each word, in its plain form, and what it stands for on the map."""

    placeholders: frozenset[str]
    headings: dict[str, str]
    statuses: dict[str, str]
    organization_types: dict[str, str]
    sectors: dict[str, list[str]]
    # Where IATI's codes land on the map (`seed/iati_codes.yaml`, checked against IATI's lists).
    iati: IatiCodes

    def given(self, text: str | None) -> str | None:
        """The cell's text, or None for an empty cell or a placeholder ("Not specified")."""
        return _given(text, self.placeholders)

    def heading(self, text: str) -> str | None:
        return self.headings.get(plain(text))

    def status(self, text: str) -> str:
        """The map's status for a status word; "unknown" for a word not listed."""
        word = plain(text)
        return self.statuses.get(word) or (
            word if word in set(self.statuses.values()) else InitiativeStatus.UNKNOWN.value
        )

    def organization_type(self, text: str | None) -> str:
        """The map's type for a type word; "unknown" for none or a word not listed."""
        word = plain(text or "").replace(" ", "_")
        if word in _TYPES:
            return word
        return self.organization_types.get(plain(text or ""), OrganizationType.UNKNOWN.value)


@lru_cache(maxsize=65_536)
def _given(text: str | None, placeholders: frozenset[str]) -> str | None:
    # Cached: a sheet repeats its cells (an organization, a sector) thousands of times.
    text = (text or "").strip()
    return text if text and plain(text) not in placeholders and text != "#N/A" else None


@lru_cache(maxsize=4)
def load_vocabulary(seed_dir: Path) -> Vocabulary:
    """The vocabulary in `seed_dir`; SeedInvalid naming the file and field if it is wrong."""
    words = _read(seed_dir / FIELD_WORDS, _FieldWords)
    sectors = _read(seed_dir / SECTOR_THEMES, _SectorThemes)
    return Vocabulary(
        placeholders=frozenset(plain(w) for w in words.placeholders),
        headings=_inverted(words.headings),
        statuses=_inverted({str(k): v for k, v in words.statuses.items()}),
        organization_types=_inverted({str(k): v for k, v in words.organization_types.items()}),
        sectors={plain(w): list(s.themes) for s in sectors.sectors for w in s.words},
        iati=load_iati_codes(seed_dir),
    )


def _inverted(lists: dict[str, list[str]]) -> dict[str, str]:
    return {plain(word): meaning for meaning, words in lists.items() for word in words}


def _read(path: Path, model: type[M]) -> M:
    try:
        return model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise SeedInvalid([Problem(path.name, None, None, "the file is missing")]) from None
    except ValidationError as error:
        problems = [
            Problem(path.name, None, ".".join(map(str, e["loc"])), e["msg"]) for e in error.errors()
        ]
        raise SeedInvalid(problems) from None
