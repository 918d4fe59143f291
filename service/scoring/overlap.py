"""How alike two initiatives are: a score between 0 and 1 made of weighted facets, each
reported as a reason, and a verdict. Changing a weight or a rule means changing VERSION.

Which pairs are compared at all is service/scoring/blocking.py's to say. overlap-4 differs
from overlap-3 in its text similarity alone: word rarity is fixed (learnt from the seed)
rather than learnt from the initiatives compared, so stored scores stay true one edit at a
time.

Verdicts:
- RELATED: parts of one whole, or set side by side, not duplicates: one is linked with,
  follows up or (as its source says) complements the other, or both are coordinated by
  the same action group with the same organization taking part (or neither naming an
  organization, the group being their owner). Their shared organizations and group do
  not count in the score (an owner's sibling outputs share it by construction), so they
  cannot reach the duplication threshold by it. Two follow-ups of one event or
  declaration are not parts of one whole: they are compared, the shared origin counting
  as a shared organization.
- UNRELATED: nothing says the same work: no place they share short of the world, no
  organization, action group or followed-up event in common, not two platforms on one
  theme, and names and descriptions alike by less than SUBSTANTIVE_TEXT. Shared themes,
  kinds of work and SDG targets are context, not evidence; such pairs are not listed as
  overlaps. Two coordination platforms on the same theme are compared as platforms, even
  where the bodies that run them have nothing else in common: that is where the report
  itself warns of duplication.
- DUPLICATE: any other pair scoring at least DUPLICATE_MIN_SCORE (likelyDuplicate).
- OVERLAP: any other pair worth a look (at least REVIEW_MIN_SCORE by default)."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

VERSION = "overlap-4"

# Each facet's share of the score; they sum to 1.
WEIGHTS: dict[str, float] = {
    "places": 0.15,  # the same countries or regions
    "themes": 0.20,
    "sdg_targets": 0.05,  # nearly everything here serves 8.7, so it says little
    # the same organizations leading, funding or partnering, the same coordinating group,
    # or the same event, declaration or initiative followed up
    "organizations": 0.15,
    "work": 0.15,  # the same kind of work: research, mapping, platform, coordination...
    "time": 0.05,  # overlapping time spans
    "description": 0.25,  # TF-IDF cosine of names and descriptions (service/scoring/text.py)
}
# Two thresholds. Pairs at or above REVIEW_MIN_SCORE overlap enough for the secretariat to
# look at them together (the default of `overlaps` and `duplicateClusters`); on the seed it
# brings up the evidence bases, the mapping tools and the anti-trafficking platforms the
# report describes. Pairs at or above DUPLICATE_MIN_SCORE look like the same work written
# up twice (`likelyDuplicate`); on generated data with planted copies it finds them with
# precision and recall above 0.9 (tests/integration/test_overlaps.py holds both checks).
REVIEW_MIN_SCORE = 0.40
DUPLICATE_MIN_SCORE = 0.60
# A country of one inside a region of the other counts as this much of a shared place;
# two initiatives that both work worldwide, as this much.
CONTAINED_PLACE = 0.5
BOTH_WORLDWIDE = 0.5
# Sharing a coordinating action group counts as this much of a shared organization.
SHARED_ACTION_GROUP = 0.5
# Following up the same event, declaration or initiative counts as a shared origin: two
# follow-ups of one conference are the duplication the secretariat looks for.
SAME_FOLLOWED_UP = 1.0
# When either span is unknown, a time overlap is this likely.
UNKNOWN_TIME = 0.5
# Text at least this alike (TF-IDF cosine) is evidence of the same work on its own.
SUBSTANTIVE_TEXT = 0.2


class Verdict(StrEnum):
    """What the scoring makes of a pair (see the module's docstring)."""

    DUPLICATE = "DUPLICATE"
    OVERLAP = "OVERLAP"
    RELATED = "RELATED"
    UNRELATED = "UNRELATED"


RELATED, UNRELATED, DUPLICATE, OVERLAP = (
    Verdict.RELATED,
    Verdict.UNRELATED,
    Verdict.DUPLICATE,
    Verdict.OVERLAP,
)
WORLD = "region:world"
PLATFORM = "platform"


@dataclass(frozen=True)
class Profile:
    id: str
    text: str
    places: frozenset[str]
    around: frozenset[str]  # regions containing its countries (not the world)
    themes: frozenset[str]
    targets: frozenset[str]
    organizations: frozenset[str]
    action_groups: frozenset[str]
    work: frozenset[str]
    start: date | None
    end: date | None
    linked: frozenset[str] = frozenset()  # initiatives it is linked with or follows up
    follows: frozenset[str] = frozenset()  # what it follows up: events, initiatives
    complements: frozenset[str] = frozenset()  # initiatives its source says it complements
    kind: str = ""  # the initiative's kind: platform, research, tool...


@dataclass(frozen=True)
class Reason:
    facet: str
    weight: float
    similarity: float
    shared: tuple[str, ...]

    @property
    def contribution(self) -> float:
        return self.weight * self.similarity


@dataclass(frozen=True)
class Overlap:
    a: str
    b: str
    score: float
    reasons: tuple[Reason, ...]
    verdict: Verdict = OVERLAP
    why: str = ""  # for RELATED and UNRELATED, in words

    @property
    def likely_duplicate(self) -> bool:
        return self.verdict == DUPLICATE


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def place_similarity(a: Profile, b: Profile) -> tuple[float, tuple[str, ...]]:
    specific_a, specific_b = a.places - {WORLD}, b.places - {WORLD}
    shared = specific_a & specific_b
    if shared:
        return jaccard(specific_a, specific_b), tuple(sorted(shared))
    contained = (specific_a & b.around) | (specific_b & a.around)
    if contained:
        return CONTAINED_PLACE, tuple(sorted(contained))
    if WORLD in a.places and WORLD in b.places:
        return BOTH_WORLDWIDE, (WORLD,)
    return 0.0, ()


def organization_similarity(a: Profile, b: Profile) -> tuple[float, tuple[str, ...]]:
    shared = a.organizations & b.organizations
    groups = a.action_groups & b.action_groups
    followed = a.follows & b.follows
    similarity = max(
        jaccard(a.organizations, b.organizations),
        SHARED_ACTION_GROUP if groups else 0,
        SAME_FOLLOWED_UP if followed else 0,
    )
    return similarity, tuple(sorted(shared | groups | followed))


def time_similarity(a: Profile, b: Profile) -> float:
    """1 if the spans meet, 0 if they do not; an open end runs on for ever."""
    if not (a.start or a.end) or not (b.start or b.end):
        return UNKNOWN_TIME
    latest_start = max(a.start or date.min, b.start or date.min)
    earliest_end = min(a.end or date.max, b.end or date.max)
    return 1.0 if latest_start <= earliest_end else 0.0


def relation(a: Profile, b: Profile) -> str | None:
    """Why two initiatives are parts of one whole, or None if they are not."""
    if b.id in a.linked or a.id in b.linked:
        return "one is linked with or follows up the other"
    if b.id in a.complements or a.id in b.complements:
        return "the source says one complements the other: set side by side, not the same work"
    groups, owners = a.action_groups & b.action_groups, a.organizations & b.organizations
    # The group is the owner where neither names an organization of its own.
    unowned = not a.organizations and not b.organizations
    if groups and (owners or unowned):
        with_whom = f" with {', '.join(sorted(owners))}" if owners else ""
        return (
            f"both are work of {', '.join(sorted(groups))}{with_whom}: parts of one work "
            "plan, not the same work twice"
        )
    return None


def platforms_on_one_theme(a: Profile, b: Profile) -> bool:
    return a.kind == b.kind == PLATFORM and bool(a.themes & b.themes)


def _verdict(
    related: str | None,
    places: float,
    organizations: float,
    description: float,
    total: float,
    platforms: bool,
) -> tuple[Verdict, str]:
    if related:
        return RELATED, related
    substantive = (places > 0 and places != BOTH_WORLDWIDE) or organizations > 0 or platforms
    if not substantive and description < SUBSTANTIVE_TEXT:
        why = (
            "they share only context (themes, kinds of work, SDG targets, the world): no "
            "place short of the world, no organization, and unlike names and descriptions"
        )
        return UNRELATED, why
    return (DUPLICATE, "") if total >= DUPLICATE_MIN_SCORE else (OVERLAP, "")


def score(a: Profile, b: Profile, description: float) -> Overlap:
    """`description` is the pair's text similarity (service/scoring/text.py)."""
    places, shared_places = place_similarity(a, b)
    organizations, shared_organizations = organization_similarity(a, b)
    related = relation(a, b)
    if related:
        organizations, shared_organizations = 0.0, ()  # siblings share their owner and group
    parts = {
        "places": (places, shared_places),
        "themes": (jaccard(a.themes, b.themes), tuple(sorted(a.themes & b.themes))),
        "sdg_targets": (jaccard(a.targets, b.targets), tuple(sorted(a.targets & b.targets))),
        "organizations": (organizations, shared_organizations),
        "work": (jaccard(a.work, b.work), tuple(sorted(a.work & b.work))),
        "time": (time_similarity(a, b), ()),
        "description": (description, ()),
    }
    reasons = tuple(
        Reason(facet, WEIGHTS[facet], round(similarity, 3), shared)
        for facet, (similarity, shared) in parts.items()
        if similarity > 0
    )
    total = round(sum(r.contribution for r in reasons), 3)
    platforms = platforms_on_one_theme(a, b)
    verdict, why = _verdict(related, places, organizations, description, total, platforms)
    ordered = tuple(sorted(reasons, key=lambda r: -r.contribution))
    return Overlap(a.id, b.id, total, ordered, verdict, why)
