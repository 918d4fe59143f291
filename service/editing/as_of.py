"""The map as it was at a past moment, rebuilt from the audit trail: inside a transaction
that is never committed, every change recorded after the moment is undone, newest first
(a record put back as its event's `before` says, with its own relationships; a
relationship put back or taken away), and the analysis asked runs in that transaction
with the statements it always runs, so it answers as it would have answered then. Nobody
else sees the rebuilt map. The transaction locks the records it puts back until it ends,
so an edit to one of them waits for the answer.

Reviews of overlaps and suggestions made after the moment are undone too, and what is
kept beside the map is worked out again for the past map inside the same transaction:
the stored overlaps of every initiative put back are scored again, and the organization
ranking is computed (service/db/driver.py's `rehearsed`).

What the trail cannot give is refused or said: a merge made after the moment moves
relationships its events do not hold, so a moment before a merge is refused; seed loads
are not audited, so a reload made after the moment is not undone."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from typing import Any

from service.db.driver import Database, InTransaction, Transaction
from service.domain import overlap_store
from service.domain.overlap_reviews import pair_key
from service.editing import audit
from service.editing.changes import own_types
from service.editing.diff import RECORD_ACTIONS, subject_of
from service.errors import BadInput
from service.model.fields import STORED_AS_DATES
from service.model.ids import LABELS, kind_of
from service.model.records import with_sort_key

_FAR = datetime(9999, 1, 1, tzinfo=UTC)
# Reviews the past map is shown without, when made after its moment: by action, the label
# of what the review stored.
_REVIEWS = {"review-overlap": "OverlapReview", "review-suggestion": "SuggestionReview"}


@asynccontextmanager
async def rewound(db: Database, moment: datetime) -> AsyncIterator[Database]:
    """A view of the map as it was at `moment`, for reads only, for the block's length."""
    events = await audit.between(db, moment, _FAR)  # refuses a moment without a zone
    merged = [e for e in events if e.action in ("merge", "unmerge")]
    if merged:
        raise BadInput(
            f"asOf: the map before {merged[0].at} cannot be rebuilt: records were merged "
            f"then ({merged[0].summary}), moving relationships the trail does not hold"
        )
    async with db.rehearsal() as tx:
        touched: set[str] = set()
        for event in reversed(events):
            touched |= await _undo(tx, event)
        # The stored overlaps describe the map as it is: the notes make the first overlap
        # read score the put-back initiatives' pairs again, inside this transaction.
        await overlap_store.enqueue(tx, touched)
        yield InTransaction(db, tx)


@asynccontextmanager
async def viewed(db: Database, moment: datetime | None) -> AsyncIterator[Database]:
    """The map as it was at `moment` (see `rewound`), or as it is when none is given."""
    if moment is None:
        yield db
    else:
        async with rewound(db, moment) as past:
            yield past


async def _undo(tx: Transaction, event: audit.AuditEvent) -> set[str]:
    """Undoes one change; returns the ids of the records it touched."""
    if event.action in RECORD_ACTIONS and (subject := subject_of(event)):
        await _put_record(tx, subject, event.before)
        return {subject}
    if event.action in ("link", "unlink", "relink"):
        return await _put_link(tx, event)
    if event.action in _REVIEWS:
        pair = pair_key(event.targets[0], event.targets[1])
        await tx.run("rewind/review", label=_REVIEWS[event.action], pair=pair, before=event.before)
        return set(event.targets)
    if event.action == "respond-to-review":
        first, second, organization = event.targets
        at = f"{pair_key(first, second)} {organization}"
        await tx.run("rewind/response", id=at, before=event.before)
    return set()


async def _put_record(tx: Transaction, node_id: str, before: Any) -> None:
    state = before if isinstance(before, dict) and "properties" in before else None
    properties = dict(state["properties"]) if state else {}
    kind = kind_of(node_id)
    await tx.run(
        "rewind/record",
        id=node_id,
        label=LABELS[kind],
        present=state is not None,
        props=with_sort_key({**_typed(properties), "id": node_id}),
        retired="retired" in properties,
        types=own_types(kind),
        links=[
            {
                "type": r["type"],
                "to": r["to"],
                "props": {k: v for k, v in r.items() if k not in ("from", "type", "to")},
            }
            for r in (state or {}).get("relationships", [])
        ],
    )


async def _put_link(tx: Transaction, event: audit.AuditEvent) -> set[str]:
    after = event.after if isinstance(event.after, dict) else None
    before = event.before if isinstance(event.before, dict) else None
    link = after or before
    if link is None or "props" not in link:
        return set()
    # An import's relink keeps only the earlier properties (its ends are the later's).
    earlier = before.get("props", before) if before else None
    await tx.run(
        "rewind/link",
        **{"from": link["from"], "type": link["type"], "to": link["to"]},
        key=link["props"]["key"],
        props=earlier,
    )
    return {link["from"], link["to"]}


def _typed(properties: dict[str, Any]) -> dict[str, Any]:
    """Properties as the trail wrote them (JSON), with the ones the map stores as dates
    (the bounds of partial dates) made dates again."""
    return {
        k: date.fromisoformat(v) if k in STORED_AS_DATES and isinstance(v, str) else v
        for k, v in properties.items()
    }
