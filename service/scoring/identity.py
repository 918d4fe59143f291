"""Which two organization records may be one organization, and why: candidate pairs found
by blocking (only records that share a word, the start of a word or an acronym are
compared) and scored from their names, acronyms and aliases in Latin letters, their IATI
organisation identifiers and the countries they work in. Pure: profiles in, pairs out.

A pair is a candidate from QUEUE_MIN up. The rules, each giving a score and its reason:
- the same IATI identifier: 100 (two different ones rule a pair out);
- one's name, alias or acronym is the other's: 100;
- an acronym (or a name that is one) is the initials of the other's name or alias: 92;
- the same words, spelled differently or in another order, or run together: 90 and up;
- one name is the other's with only qualifiers added (International, a country, its
  acronym, "of the United Nations"): 88;
- a word the other lacks, or a different word on each side (Danish / Finn Church Aid,
  Ministry of Health / of Education, two offices of one directorate): 70 or less.
Two different acronyms, or two government bodies working in no common country, rule a
pair out. Short acronyms are never compared by spelling (IRC and ICRC are two)."""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import combinations

import pycountry
from anyascii import anyascii
from rapidfuzz import fuzz

QUEUE_MIN = 85.0
# Two words are one word misspelt from this fuzz.ratio up (norweigan / norwegian: 89).
WORD_ALIKE = 80.0
# A one-word name is compared by spelling from this length up.
SPELT_WORD = 6
# A word shared by more records than this is no evidence of identity: not a block.
BLOCK_MAX = 300
# Words left out when names are compared, in the languages 3W sheets are written in.
MINOR = frozenset(
    [
        "of",
        "and",
        "the",
        "for",
        "on",
        "in",
        "at",
        "to",
        "by",
        "with",
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "d",
        "l",
        "et",
        "y",
        "el",
        "los",
        "las",
        "del",
        "para",
        "por",
        "pour",
        "au",
        "aux",
        "a",
        "en",
        "un",
        "une",
        "da",
        "do",
        "dos",
        "das",
        "e",
        "com",
        "con",
        "na",
        "no",
        "per",
        "di",
        "della",
    ]
)
# Words that qualify a name without changing whose it is.
QUALIFIERS = frozenset(
    [
        "international",
        "internationale",
        "internacional",
        "organization",
        "organisation",
        "organizacion",
        "united",
        "nations",
        "worldwide",
        "world",
        "wide",
        "inc",
        "ltd",
        "foundation",
        "ngo",
        "ong",
        "office",
        "mission",
        "uk",
        "gb",
        "usa",
        "us",
        "holland",
        "hollande",
    ]
)
# Words that mark a government body, which is one body in one country only.
_GOVERNMENT = frozenset(
    [
        "ministry",
        "ministere",
        "ministerio",
        "ministerie",
        "government",
        "gouvernement",
        "gobierno",
        "governo",
        "directorate",
        "direction",
        "direccion",
        "department",
        "departement",
        "state",
        "etat",
        "municipality",
        "municipalite",
        "municipio",
        "commune",
    ]
)
# The apostrophe and the right single quotation mark word processors write for it.
_APOSTROPHES = "'\u2019"
# Short forms written for a whole phrase.
_EXPANDED = {"un": ("united", "nations"), "onu": ("nations", "unies"), "int": ("international",)}


@dataclass(frozen=True)
class Profile:
    """An organization as the matcher sees it."""

    id: str
    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()  # other names, without their language
    iati_ref: str | None = None
    countries: frozenset[str] = frozenset()

    @cached_property
    def names(self) -> tuple["Name", ...]:
        return tuple(Name.of(n) for n in (self.name, *self.aliases) if n.strip())

    @cached_property
    def acronyms(self) -> frozenset[str]:
        """Its acronym, and its names that are written as one (UNHCR, OIM)."""
        found = {squeeze(self.acronym)} if self.acronym else set()
        found |= {n.squeezed for n in self.names if n.is_acronym}
        return frozenset(a for a in found if a)

    @cached_property
    def government(self) -> bool:
        return any(_GOVERNMENT & set(n.words) for n in self.names)


@dataclass(frozen=True)
class Name:
    written: str
    words: tuple[str, ...]  # the name's words in Latin letters, minor words left out
    is_acronym: bool

    @classmethod
    def of(cls, text: str) -> "Name":
        words: list[str] = []
        for word in latin(text).split():
            if word not in MINOR:
                words.extend(_EXPANDED.get(word, (word,)))
        compact = text.strip()
        acronym = " " not in compact and len(compact) <= 8 and compact.upper() == compact
        return cls(text, tuple(words), acronym or (len(words) == 1 and len(words[0]) <= 4))

    @cached_property
    def squeezed(self) -> str:
        return "".join(self.words)

    @cached_property
    def initials(self) -> frozenset[str]:
        """Its initials, with and without its qualifiers (ACF for Action Contre la Faim
        International)."""
        every = "".join(w[0] for w in self.words if not w.isdigit())
        core = "".join(w[0] for w in self.words if w not in QUALIFIERS and not w.isdigit())
        return frozenset(i for i in (every, core) if len(i) >= 3)


@dataclass(frozen=True)
class Pair:
    """Two records that may be one organization: a before b by id."""

    a: str
    b: str
    score: float
    reasons: tuple[str, ...] = field(default=())


def plain(text: str) -> str:
    """Lower case Latin letters and digits, single spaces between words (the model's own
    `plain` keeps other scripts; the matcher compares transliterations)."""
    return " ".join(re.sub(r"[\W_]+", " ", anyascii(text).casefold()).split())


@cache
def _countries() -> frozenset[str]:
    """The words of country names (Niger, Yemen): a country office is its organization."""
    return frozenset(
        word
        for country in pycountry.countries
        for word in plain(getattr(country, "common_name", country.name)).split()
        if word not in MINOR and len(word) > 3
    )


def latin(text: str) -> str:
    """A name in plain Latin letters: English possessives joined (Children's), other
    apostrophes (l'Enfance) a space, every script transliterated."""
    joined = re.sub(rf"[{_APOSTROPHES}]s\b", "s", text, flags=re.IGNORECASE)
    return plain(re.sub(f"[{_APOSTROPHES}]", " ", joined))


def squeeze(text: str) -> str:
    return plain(text).replace(" ", "")


def _unmatched(mine: tuple[str, ...], theirs: tuple[str, ...]) -> list[str]:
    """The words of `mine` that `theirs` lacks (one word, or the same word misspelt;
    digits and short words must be equal), in one pass: an import compares each new
    organization with hundreds, and a call per pair of words was most of its review."""
    spelt = [t for t in theirs if len(t) >= 4 and not t.isdigit()]
    return [
        w
        for w in mine
        if w not in theirs
        and (
            len(w) < 4
            or w.isdigit()
            or not any(fuzz.ratio(w, t, score_cutoff=WORD_ALIKE) for t in spelt)
        )
    ]


def _compare_names(a: Name, b: Name) -> tuple[float, str] | None:
    """The score and reason of two names, by their words."""
    if not a.words or not b.words:
        return None
    if a.words == b.words:
        return 98.0, f"same words: '{a.written}' and '{b.written}'"
    if a.squeezed == b.squeezed:
        return 96.0, f"same letters, spaced differently: '{a.written}' and '{b.written}'"
    if len(a.words) == 1 and len(b.words) == 1:
        # One word alone, with no other to agree on: misspelt only if long (Cartitas,
        # Caritas); short ones are acronyms, compared whole (IRC, ICRC).
        one, other = a.squeezed, b.squeezed
        if min(len(one), len(other)) >= SPELT_WORD and fuzz.ratio(one, other) >= WORD_ALIKE:
            return 90.0, f"one word, spelled differently: '{a.written}' and '{b.written}'"
        return None
    only_a, only_b = _unmatched(a.words, b.words), _unmatched(b.words, a.words)
    if not only_a and not only_b:
        spelling = fuzz.token_sort_ratio(" ".join(a.words), " ".join(b.words))
        return max(90.0, round(spelling, 1)), (
            f"same words, spelled differently: '{a.written}' and '{b.written}'"
        )
    if only_a and only_b:
        return 60.0, f"different words: {' '.join(only_a)} / {' '.join(only_b)}"
    shorter, extra = (b, only_a) if only_a else (a, only_b)
    if len(shorter.words) >= 1 and all(_qualifies(w, shorter) for w in extra):
        return 88.0, f"'{shorter.written}' with {' '.join(extra)} added"
    return 70.0, f"adds the words {' '.join(extra)}"


def _qualifies(word: str, name: Name) -> bool:
    """A word that names no other organization: a qualifier, a country, or the name's own
    acronym."""
    return word in QUALIFIERS or word in _countries() or word in name.initials


def _by_acronym(a: Profile, b: Profile) -> tuple[float, str] | None:
    for acronym in sorted(a.acronyms):
        for name in b.names:
            if acronym in name.initials and not name.is_acronym:
                return 92.0, f"{acronym.upper()} is the initials of '{name.written}'"
    return None


def compare(a: Profile, b: Profile) -> Pair | None:
    """Why a and b may be one organization, or None if nothing says so."""
    first, second = sorted((a, b), key=lambda p: p.id)
    if a.iati_ref and b.iati_ref:
        if a.iati_ref == b.iati_ref:
            return Pair(first.id, second.id, 100.0, (f"same IATI identifier {a.iati_ref}",))
        return None
    found: list[tuple[float, str]] = []
    if a.acronyms & b.acronyms:
        found.append((100.0, f"same acronym {sorted(a.acronyms & b.acronyms)[0].upper()}"))
    elif a.acronym and b.acronym:
        return None  # two different acronyms: two organizations (MSF-E, MSF-F)
    found += [s for s in (_by_acronym(a, b), _by_acronym(b, a)) if s]
    found += [s for x in a.names for y in b.names if (s := _compare_names(x, y))]
    if not found:
        return None
    score, reason = max(found, key=lambda s: s[0])
    reasons = [reason]
    shared = a.countries & b.countries
    if (a.government or b.government) and a.countries and b.countries and not shared:
        return None  # one ministry per country: the same name elsewhere is another
    if shared:
        reasons.append(f"both work in {', '.join(sorted(shared))}")
    return Pair(first.id, second.id, score, tuple(reasons))


def _keys(profile: Profile) -> set[str]:
    """The blocks a record is in: its words, their first four letters, its acronyms and
    initials."""
    keys = {f"a:{a}" for a in profile.acronyms}
    for name in profile.names:
        keys |= {f"a:{i}" for i in name.initials}
        if len(name.words) == 1:  # one word misspelt shares little more than its start
            keys.add(f"s:{name.squeezed[:3]}")
        for word in name.words:
            if len(word) >= 3 and word not in QUALIFIERS:
                keys |= {f"w:{word}", f"p:{word[:4]}"}
    return keys


def candidate_pairs(
    profiles: Iterable[Profile], involving: set[str] | None = None, minimum: float = QUEUE_MIN
) -> list[Pair]:
    """The pairs scoring `minimum` or more, best first; with `involving`, only pairs with
    at least one of those ids."""
    by_id = {p.id: p for p in profiles}
    blocks: dict[str, list[str]] = defaultdict(list)
    for profile in by_id.values():
        for key in _keys(profile):
            blocks[key].append(profile.id)
    seen: set[tuple[str, str]] = set()
    found: list[Pair] = []
    for members in blocks.values():
        if len(members) > BLOCK_MAX:
            continue
        for one, other in combinations(sorted(members), 2):
            if (one, other) in seen or (involving and not {one, other} & involving):
                continue
            seen.add((one, other))
            pair = compare(by_id[one], by_id[other])
            if pair and pair.score >= minimum:
                found.append(pair)
    return sorted(found, key=lambda p: (-p.score, p.a, p.b))
