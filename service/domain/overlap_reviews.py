"""The secretariat's reviews of flagged overlaps, and the involved organizations'
responses, as they are read. A review keeps what each initiative was when reviewed: a
digest of what overlap scoring compares (its text, places, themes, SDG targets,
organizations, action groups, kind of work, dates and links). While both initiatives
still match it, the review is current and the pair leaves the open list of overlaps; once
either changes materially, the pair is open again, its earlier verdict shown beside it.
A change the scoring does not look at (a citation, a last-verified date) leaves it
reviewed. Writes are in service/editing/overlap_reviews.py."""

import hashlib
import json
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Any

from service.db.driver import Database
from service.scoring import overlap as scoring


class ReviewVerdict(Enum):
    DUPLICATE = "DUPLICATE"
    COMPLEMENTARY = "COMPLEMENTARY"
    NOT_RELATED = "NOT_RELATED"


@dataclass(frozen=True)
class Response:
    organization: str
    organization_name: str | None
    response: str
    responded_by: str
    responded_at: str


@dataclass(frozen=True)
class Review:
    a: str
    b: str
    verdict: ReviewVerdict
    reason: str
    reviewed_by: str
    reviewer_role: str
    reviewed_at: str
    reviewed_as: tuple[str, ...]
    responses: tuple[Response, ...]

    def current(self, profiles: dict[str, scoring.Profile]) -> bool:
        """Whether both initiatives are still what the review saw."""
        now = [stamp(profiles[i]) for i in (self.a, self.b) if i in profiles]
        return sorted(now) == sorted(self.reviewed_as)


def pair_key(a: str, b: str) -> str:
    """A pair's name, whichever way round it is given."""
    return " ".join(sorted((a, b)))


def stamp(profile: scoring.Profile) -> str:
    """An initiative's id with a digest of what overlap scoring compares about it (the
    regions around its countries follow from its places and are left out)."""
    compared = {k: v for k, v in asdict(profile).items() if k not in ("id", "around")}
    text = json.dumps(compared, default=_plain, sort_keys=True)
    return f"{profile.id}@{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def _plain(value: Any) -> Any:
    return sorted(value) if isinstance(value, frozenset) else str(value)


async def reviews(db: Database, pairs: list[tuple[str, str]] | None = None) -> dict[str, Review]:
    """The reviews of the given pairs (of every reviewed pair, with None), by pair key."""
    keys = None if pairs is None else [pair_key(a, b) for a, b in pairs]
    rows = await db.read("overlaps/reviews", pairs=keys)
    return {row["pair"]: _review(row) for row in rows}


def _review(row: dict[str, Any]) -> Review:
    return Review(
        a=row["a"],
        b=row["b"],
        verdict=ReviewVerdict(row["verdict"]),
        reason=row["reason"],
        reviewed_by=row["reviewedBy"],
        reviewer_role=row["reviewerRole"],
        reviewed_at=row["reviewedAt"],
        reviewed_as=tuple(row["reviewedAs"]),
        responses=tuple(
            Response(
                r["organization"],
                r["organizationName"],
                r["response"],
                r["respondedBy"],
                r["respondedAt"],
            )
            for r in row["responses"]
        ),
    )
