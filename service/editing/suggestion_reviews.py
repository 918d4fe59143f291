"""The secretariat's review of a coordination suggestion (service/domain/coordination.py):
it introduced the two organizations, they already work together off the map, or the
suggestion is not useful. A reviewed pair is not suggested again. Any unscoped writing
key may review; the review is an audit event, so it appears in `changes` and the feeds."""

from service.db.driver import Database
from service.domain.coordination import SuggestionVerdict
from service.domain.overlap_reviews import pair_key
from service.editing import audit, permissions
from service.editing.keys import Editor
from service.editing.overlap_reviews import Reviewed, checked_pair, checked_text
from service.errors import Forbidden


async def review(
    db: Database, editor: Editor, a: str, b: str, verdict: SuggestionVerdict, reason: str
) -> Reviewed:
    permissions.may_write(editor)
    if editor.organization:
        raise Forbidden(
            f"this key is scoped to {editor.organization}; the secretariat reviews "
            "suggestions with an unscoped key"
        )
    first, second = checked_pair(a, b, "organization")
    reason = checked_text(reason, "reason")
    pair = pair_key(first, second)
    async with db.transaction() as tx:
        [row] = await tx.run(
            "analysis/review_suggestion",
            pair=pair,
            a=first,
            b=second,
            verdict=verdict.value,
            reason=reason,
            reviewedBy=editor.name,
        )
        event = await audit.record(
            tx,
            editor,
            "review-suggestion",
            [first, second],
            f"reviewed the suggestion that {first} and {second} coordinate: {verdict.value}",
            row["before"] and {k: row["before"][k] for k in ("verdict", "reason")},
            {"verdict": verdict.value, "reason": reason},
        )
    return Reviewed(pair, event)
