"""The secretariat's review of a flagged overlap, and the right of reply of each
organization involved. A review records a verdict on a pair of initiatives (duplicate,
complementary, not related) with its reason and with what both initiatives were when
reviewed (service/domain/overlap_reviews.py reads it back). Any unscoped writing key may
review (the secretariat's). An organization taking part in either initiative answers with
its own key, scoped to it: a key speaks only for its own organization, so an unscoped key
answers for no one. Each write is recorded in the audit trail, so both appear in
`changes` and the feeds."""

from dataclasses import dataclass

from service.db.driver import Database
from service.domain import overlap_store
from service.domain.directory import checked_id
from service.domain.overlap_reviews import ReviewVerdict, pair_key, stamp
from service.editing import audit, permissions
from service.editing.keys import Editor
from service.errors import BadInput, Forbidden, NotFound
from service.model.relationships import INITIATIVE_ROLES

MAX_TEXT = 4_000


@dataclass(frozen=True)
class Reviewed:
    pair: str
    event: str


def checked_pair(a: str, b: str, kind: str) -> tuple[str, str]:
    """Two different records of the kind, in order (a pair given either way round is one)."""
    checked_id(a, kind, field="a")
    checked_id(b, kind, field="b")
    if a == b:
        raise BadInput(f"b: a pair names two different {kind}s")
    first, second = sorted((a, b))
    return first, second


def checked_text(text: str, field: str) -> str:
    text = text.strip()
    if not text:
        raise BadInput(f"{field}: say why, in a few words")
    if len(text) > MAX_TEXT:
        raise BadInput(f"{field}: at most {MAX_TEXT} characters, not {len(text)}")
    return text


async def review(
    db: Database, editor: Editor, a: str, b: str, verdict: ReviewVerdict, reason: str
) -> Reviewed:
    """Records the verdict on the pair, replacing an earlier one (the audit trail keeps
    it); the pair leaves the open overlaps until one of its initiatives changes."""
    permissions.may_write(editor)
    if editor.organization:
        raise Forbidden(
            f"this key is scoped to {editor.organization}; the secretariat reviews overlaps "
            "with an unscoped key, and an organization answers a review with respondToReview"
        )
    first, second = checked_pair(a, b, "initiative")
    reason = checked_text(reason, "reason")
    profiles = await overlap_store.profiles_of(db, (first, second))
    missing = [i for i in (first, second) if i not in profiles]
    if missing:
        raise NotFound(f"no initiative {missing[0]} on the map")
    pair = pair_key(first, second)
    async with db.transaction() as tx:
        [row] = await tx.run(
            "overlaps/review",
            pair=pair,
            a=first,
            b=second,
            verdict=verdict.value,
            reason=reason,
            reviewedBy=editor.name,
            reviewerRole=editor.role,
            reviewedAs=[stamp(profiles[first]), stamp(profiles[second])],
        )
        after = {"verdict": verdict.value, "reason": reason}
        event = await audit.record(
            tx,
            editor,
            "review-overlap",
            [first, second],
            f"reviewed the overlap of {first} and {second}: {verdict.value}",
            row["before"] and {k: row["before"][k] for k in ("verdict", "reason")},
            after,
        )
    return Reviewed(pair, event)


async def respond(db: Database, editor: Editor, a: str, b: str, response: str) -> Reviewed:
    """The key's organization's response to the review of the pair, replacing its earlier
    one. Refused unless the organization takes part in one of the two initiatives."""
    permissions.may_write(editor)
    organization = editor.organization
    if organization is None:
        raise Forbidden(
            "a response speaks for one organization: answer with a key scoped to the "
            "organization that takes part in the initiatives"
        )
    first, second = checked_pair(a, b, "initiative")
    response = checked_text(response, "response")
    pair = pair_key(first, second)
    async with db.transaction() as tx:
        [involved] = await tx.run(
            "overlaps/involved",
            organization=organization,
            initiatives=[first, second],
            roles=list(INITIATIVE_ROLES),
        )
        if not involved["involved"]:
            raise Forbidden(
                f"{organization} takes part in neither {first} nor {second}; only the "
                "organizations involved answer a review"
            )
        rows = await tx.run(
            "overlaps/respond",
            pair=pair,
            id=f"{pair} {organization}",
            organization=organization,
            response=response,
            respondedBy=editor.name,
        )
        if not rows:
            raise NotFound(f"the overlap of {first} and {second} has not been reviewed yet")
        event = await audit.record(
            tx,
            editor,
            "respond-to-review",
            [first, second, organization],
            f"{organization} answered the review of {first} and {second}",
            rows[0]["before"] and {"response": rows[0]["before"]["response"]},
            {"response": response},
        )
    return Reviewed(pair, event)
