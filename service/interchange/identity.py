"""What an import of 3W sheets and IATI files says about identity: the names it matched
to organizations on the map automatically, each with its reason (a record's own name,
acronym or alias, a merged record's, or the IATI identifier), and the organizations it
adds that look like one on the map or another it adds (the review queue's candidates,
service/scoring/identity.py), each with its look-alikes and why. A queued organization is
held as a record of its own, as the file names it: nothing is lost and nothing merged
until a reviewer decides (service/editing/identity.py), and the queue lists it meanwhile."""

from collections import defaultdict
from dataclasses import dataclass, field

from service.db.driver import Database
from service.editing import identity
from service.interchange.organizations import Matched, OrganizationIndex
from service.interchange.rows import Row
from service.model.ids import iso3
from service.scoring.identity import Profile, candidate_pairs

# The roles a file gives an organization in an activity, whose countries it then works in.
_ROLES = frozenset({"LEADS", "IMPLEMENTS", "FUNDS", "PARTNERS_IN", "HOSTS"})


@dataclass(frozen=True)
class LookAlike:
    """An organization a queued one may be, how likely (QUEUE_MIN to 100) and why."""

    id: str
    name: str
    score: float
    reasons: list[str]
    on_map: bool  # False: another organization the same import adds


@dataclass(frozen=True)
class Queued:
    """An organization the import adds as a record of its own, queued for review because
    it looks like others."""

    id: str
    name: str
    file: str
    row: str
    look_alikes: list[LookAlike] = field(default_factory=list)


@dataclass(frozen=True)
class Identity:
    matched: list[Matched]
    queued: list[Queued]


async def known_profiles(db: Database) -> dict[str, Profile]:
    found, _ = await identity.profiles(db)
    return found


def review(rows: list[Row], index: OrganizationIndex, known: dict[str, Profile]) -> Identity:
    """The import's automatic matches and its queue, from the rows read and the index
    they were read against."""
    added = [row for row in rows if row.kind == "organization" and row.values["id"] in index.new]
    countries = _countries(rows)
    new = {
        row.values["id"]: identity.profile_of(
            {**row.values, "countries": countries.get(row.values["id"], ())}
        )
        for row in added
    }
    pairs = candidate_pairs([*known.values(), *new.values()], involving=set(new))
    look_alikes: dict[str, list[LookAlike]] = defaultdict(list)
    for pair in pairs:
        for mine, theirs in ((pair.a, pair.b), (pair.b, pair.a)):
            if mine in new:
                other = known.get(theirs) or new[theirs]
                look_alikes[mine].append(
                    LookAlike(theirs, other.name, pair.score, list(pair.reasons), theirs in known)
                )
    queued = [
        Queued(
            row.values["id"], row.values["name"], row.file, row.where, look_alikes[row.values["id"]]
        )
        for row in added
        if row.values["id"] in look_alikes
    ]
    return Identity(list(index.matched.values()), queued)


def _countries(rows: list[Row]) -> dict[str, set[str]]:
    """The countries each organization works in, as the file's activities say."""
    placed = {
        str(row.values.get("id")): {c for c in row.values.get("countries") or [] if c}
        for row in rows
        if row.kind == "initiative"
    }
    found: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.kind is None and row.values.get("type") in _ROLES:
            for country in placed.get(str(row.values.get("to")), ()):
                code = iso3(str(country).removeprefix("country:"))
                if code:
                    found[str(row.values["from"])].add(code)
    return found
