"""Is a new organization one the map already has? Names are compared after dropping
accents, case and punctuation; acronyms are compared with each other and with the initials
of the other's name; spelling is compared with rapidfuzz's token-sort ratio, so word order
and small typos do not hide a match."""

from dataclasses import dataclass

from rapidfuzz import fuzz

from service.model.fields import plain

# Two UN offices whose long names differ in one word score 88.5; they are not duplicates.
SPELLING_MIN = 90.0
# Words left out of initials, in the languages of the seed's organization names.
_MINOR = {"of", "and", "the", "for", "on", "in", "de", "la", "le", "des", "du", "et", "y", "el"}


@dataclass(frozen=True)
class KnownOrganization:
    id: str
    name: str
    acronym: str | None = None
    iati_ref: str | None = None
    # Other names it goes by, as written with their language ("fr: OIM").
    aliases: tuple[str, ...] | list[str] = ()


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    score: float
    reason: str


def initials(name: str) -> str:
    return "".join(word[0] for word in plain(name).split() if word not in _MINOR)


def acronym_key(text: str | None) -> str:
    return plain(text or "").replace(" ", "")


def match(name: str, acronym: str | None, known: KnownOrganization) -> Candidate | None:
    """Why `known` may be the same organization as (name, acronym), or None."""
    mine, theirs = acronym_key(acronym), acronym_key(known.acronym)
    checks = [
        (plain(name) == plain(known.name), 100.0, "same name"),
        (bool(mine) and mine == theirs, 95.0, "same acronym"),
        (
            (bool(theirs) and acronym_key(name) == theirs)
            or (bool(mine) and mine == acronym_key(known.name)),
            95.0,
            "one's name is the other's acronym",
        ),
        (
            (len(mine) > 1 and mine == initials(known.name))
            or (len(theirs) > 1 and theirs == initials(name)),
            90.0,
            "acronym matches the initials of the name",
        ),
    ]
    for found, score, reason in checks:
        if found:
            return Candidate(known.id, known.name, score, reason)
    spelling = fuzz.token_sort_ratio(plain(name), plain(known.name))
    if spelling >= SPELLING_MIN:
        return Candidate(known.id, known.name, round(spelling, 1), "similar spelling")
    return None


def candidates(
    name: str, acronym: str | None, known: list[KnownOrganization], limit: int = 5
) -> list[Candidate]:
    """The likeliest duplicates, best first."""
    found = [c for k in known if (c := match(name, acronym, k))]
    return sorted(found, key=lambda c: (-c.score, c.name))[:limit]
