"""Alerts worth acting on, each with the facts behind it and a link to look: a pair of
initiatives that overlap (a new or changed initiative repeating existing work, open until
the secretariat reviews it), a commitment falling due within the chosen window or overdue,
two organization records that may be one (an import's look-alike, in the identity queue),
and an initiative or organization whose facts were last confirmed more than two years ago
(stale; ALERT_STALE_YEARS). An alert is raised once, by a key naming what it is about (the
pair, the commitment and its due date, the record and the day it was last confirmed), and
stays raised until a key acknowledges it; then it does not come back for the same thing
(a commitment given a new due date, or a record confirmed again and gone stale since, is a
new thing).

Alerts are raised while the server runs (every ALERTS_EVERY_S seconds) and whenever they
are read, so a read never misses one. Each new alert is also an event of the audit trail
(action alert-overlap, alert-commitment-due, alert-commitment-overdue, alert-look-alike
or alert-stale, targets everything it concerns), so a user follows the alerts on a theme,
in a country, about an organization or of a kind through `changes`, its subscription, the
Atom feed or a webhook, filtered as any change is. Alerts are bookkeeping beside the map:
raising one does not change the map's revision.

A commitment falls due on its due date or on the day of the meeting it is due at
(DUE_AT), whichever comes first. Where an event that may meet it is on the map but not
linked (the first one after it was made in which those who made it or are to carry it out
take part, before it is due), its alert names that event; a commitment with neither a due
date nor a meeting falls due, inferred and said so, on that event's day."""

import asyncio
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Any

import structlog

from service.config import Settings
from service.db.driver import Database
from service.domain import freshness, overlap_store, overlaps
from service.domain.accountability import CommitmentFilter, commitments, current_state
from service.domain.pagination import PageRequest
from service.editing import audit, identity, permissions
from service.editing.keys import Editor
from service.errors import BadInput, NotFound
from service.model.relationships import EVENT_ROLES, INITIATIVE_ROLES
from service.model.values import OPEN_COMMITMENTS
from service.scoring import overlap as scoring

log = structlog.get_logger(__name__)
LIST_MAX = 500
_EVERY = 10**6


class AlertKind(Enum):
    OVERLAP = "OVERLAP"
    COMMITMENT_DUE = "COMMITMENT_DUE"
    COMMITMENT_OVERDUE = "COMMITMENT_OVERDUE"
    LOOK_ALIKE = "LOOK_ALIKE"
    STALE = "STALE"


@dataclass(frozen=True)
class Alert:
    key: str
    kind: AlertKind
    subjects: list[str]
    title: str
    facts: list[str]
    link: str
    themes: list[str]
    places: list[str]
    organizations: list[str]
    raised_at: str | None = None
    acknowledged_at: str | None = None
    acknowledged_by: str | None = None

    def as_parameter(self) -> dict[str, Any]:
        """The alert as raise.cypher takes it: its own properties, and the audit event
        that announces it (alert-overlap..., about everything it concerns)."""
        alert = {
            "key": self.key,
            "kind": self.kind.value,
            "subjects": self.subjects,
            "title": self.title,
            "facts": self.facts,
            "link": self.link,
            "themes": self.themes,
            "places": self.places,
            "organizations": self.organizations,
        }
        targets = sorted({*self.subjects, *self.organizations, *self.themes, *self.places})
        return {
            "alert": alert,
            "action": alert_action(self.kind),
            "targets": targets,
            "after": audit.as_json(alert),
        }


def alert_action(kind: AlertKind) -> str:
    """The audit action that announces an alert of the kind: alert-overlap..."""
    return "alert-" + kind.value.lower().replace("_", "-")


@dataclass(frozen=True)
class Rules:
    """When an alert is called for: a commitment due within `due_within_days`, facts last
    confirmed more than `stale_years` ago."""

    due_within_days: int
    stale_years: int = freshness.STALE_YEARS

    @classmethod
    def of(cls, settings: Settings) -> "Rules":
        return cls(settings.alert_due_within_days, settings.alert_stale_years)


# What this process last raised alerts for, by database: the map's revision, the day and
# the rules. Alerts follow from those alone, so while they stay the same there is nothing
# new to raise, and a read of `alerts` answers from what is stored.
_raised_for: dict[int, tuple[str, date, Rules]] = {}


async def raise_due(db: Database, today: date, rules: Rules) -> int:
    """Raises every alert the map calls for now that was never raised; how many."""
    [row] = await db.read("maintenance/revision")
    revision = row["revision"]
    if revision is not None and _raised_for.get(id(db)) == (str(revision), today, rules):
        return 0
    raised = await _raise(db, today, rules)
    if revision is not None:
        _raised_for[id(db)] = (str(revision), today, rules)
    return raised


async def _raise(db: Database, today: date, rules: Rules) -> int:
    found = [
        *await _overlaps(db),
        *await _commitments(db, today, rules.due_within_days),
        *await _look_alikes(db),
        *await _stale(db, today, rules.stale_years),
    ]
    if not found:
        return 0
    [row] = await db.write_aside("alerts/raise", alerts=[a.as_parameter() for a in found])
    raised = int(row["raised"])
    if raised:
        log.info("alerts_raised", raised=raised)
    return raised


async def _overlaps(db: Database) -> list[Alert]:
    pairs = await overlaps.overlaps(db, scoring.REVIEW_MIN_SCORE, None, None, overlaps.MAX_LIMIT)
    worth = [
        p
        for p in pairs
        if p.overlap.verdict in (scoring.Verdict.DUPLICATE, scoring.Verdict.OVERLAP)
    ]
    profiles = await overlap_store.profiles_of(db, (i for p in worth for i in (p.a.id, p.b.id)))
    found = []
    for pair in worth:
        a, b = profiles[pair.a.id], profiles[pair.b.id]
        facts = [f"score {pair.overlap.score:.2f} ({pair.overlap.verdict.value.lower()})"]
        facts += [
            f"{r.facet}: {r.similarity:.2f}"
            + (f" (shared: {', '.join(r.shared)})" if r.shared else "")
            for r in pair.overlap.reasons
        ]
        found.append(
            Alert(
                key=f"overlap {pair.a.id} {pair.b.id}",
                kind=AlertKind.OVERLAP,
                subjects=[pair.a.id, pair.b.id],
                title=f"'{pair.a.name}' and '{pair.b.name}' look like the same work",
                facts=facts,
                link="/?view=overlaps",
                themes=sorted(a.themes | b.themes),
                places=sorted(a.places | b.places),
                organizations=sorted(a.organizations | b.organizations),
            )
        )
    return found


async def _commitments(db: Database, today: date, within_days: int) -> list[Alert]:
    statuses = [str(s.value) for s in OPEN_COMMITMENTS]
    page = await commitments(db, CommitmentFilter(statuses=statuses), PageRequest(0, _EVERY))
    rows = await db.read(
        "alerts/commitments", ids=[r.id for r in page.items], roles=list(EVENT_ROLES)
    )
    said = {row["id"]: row for row in rows}
    horizon = (today + timedelta(days=within_days)).isoformat()
    found = []
    for record in page.items:
        row = said.get(record.id)
        due = _falls_due(record.props, row) if row else None
        if row is None or due is None or due.on > horizon:
            continue
        overdue = due.on < today.isoformat()
        kind = AlertKind.COMMITMENT_OVERDUE if overdue else AlertKind.COMMITMENT_DUE
        status = current_state(record.props, []).status
        when = f"{'was' if overdue else 'is'} due on {due.on}"
        if due.inferred:
            when = f"may {'have been' if overdue else 'be'} due on {due.on}"
        found.append(
            Alert(
                key=f"{kind.value.lower()} {record.id} {due.on}",
                kind=kind,
                subjects=[record.id, *due.events],
                title=f"'{record.name}' {when}",
                facts=[*due.facts, f"status as recorded: {status}"],
                link=f"/?view=history&id={record.id}",
                themes=sorted(row["themes"]),
                places=sorted(row["places"]),
                organizations=sorted(set(row["organizations"])),
            )
        )
    return found


@dataclass(frozen=True)
class _Due:
    on: str  # the first day it is due
    facts: list[str]
    events: list[str]  # the meeting it is due at, or the one that may be where it is met
    inferred: bool  # due by an event it is not linked to, having no due date of its own


def _falls_due(props: dict[str, Any], row: dict[str, Any]) -> _Due | None:
    """When a commitment falls due: its due date, or the day of the meeting it is due at,
    whichever comes first; failing both, the day of the first event after it was made in
    which those who made it take part (inferred, and said so). An event that may meet it
    but is not linked as the meeting it is due at is named in the facts."""
    dates: list[tuple[str, str]] = []
    if props.get("due_on") is not None:
        dates.append((str(props["due_on"]), f"due {props.get('due')}"))
    at, maybe = row["dueAt"], row["maybe"]
    if at and at["on"] is not None:
        dates.append((str(at["on"]), f"due at '{at['name']}' ({at['date']})"))
    facts = [fact for _, fact in dates]
    if maybe:
        facts.append(
            f"not linked: '{maybe['name']}' ({maybe['date']}), with "
            f"{' and '.join(sorted(maybe['by']))} taking part, falls "
            + ("before it is due" if dates else "after it was made")
            + "; if it is where this is to be met, link it as the meeting it is due at"
        )
    events = [e["id"] for e in (at, maybe) if e]
    if dates:
        return _Due(min(dates)[0], facts, events, inferred=False)
    if maybe:
        inferred = "inferred: no due date or meeting is recorded"
        return _Due(str(maybe["on"]), [inferred, *facts], events, inferred=True)
    return None


async def _look_alikes(db: Database) -> list[Alert]:
    found = []
    for queued in await identity.queue(db, first=identity.QUEUE_MAX):
        a, b = queued.records
        found.append(
            Alert(
                key=f"look-alike {queued.pair.a} {queued.pair.b}",
                kind=AlertKind.LOOK_ALIKE,
                subjects=[queued.pair.a, queued.pair.b],
                title=f"'{a.name}' and '{b.name}' may be one organization",
                facts=[f"score {queued.pair.score:.2f}", *queued.pair.reasons],
                link="/?view=review",
                themes=[],
                places=[],
                organizations=[queued.pair.a, queued.pair.b],
            )
        )
    return found


async def _stale(db: Database, today: date, years: int) -> list[Alert]:
    """Initiatives and organizations whose facts were last confirmed more than `years` ago
    (service/domain/freshness.py), one alert per record and day last confirmed."""
    rows = await db.read("alerts/confirmed", roles=list(INITIATIVE_ROLES))
    found = []
    for row in rows:
        seen = [_Seen(row["lastSeen"])] if row["lastSeen"] else []
        confirmed = freshness.last_confirmed(row["lastVerified"], seen)
        if not freshness.stale(confirmed, years, today):
            continue
        when = f"last confirmed on {confirmed}" if confirmed else "never confirmed"
        found.append(
            Alert(
                key=f"stale {row['id']} {confirmed}",
                kind=AlertKind.STALE,
                subjects=[row["id"]],
                title=f"'{row['name']}' was {when}",
                facts=[
                    f"{when}, more than {years} years ago",
                    *(f"cites {s}" for s in sorted(row["sources"])),
                ],
                link=f"/?view=history&id={row['id']}",
                themes=sorted(row["themes"]),
                places=sorted(row["places"]),
                organizations=sorted(set(row["organizations"])),
            )
        )
    return found


@dataclass(frozen=True)
class _Seen:
    last_seen: str


async def listed(
    db: Database,
    *,
    kind: AlertKind | None = None,
    about: str | None = None,
    acknowledged_too: bool = False,
    limit: int = 100,
) -> list[Alert]:
    if not 1 <= limit <= LIST_MAX:
        raise BadInput(f"first: must be between 1 and {LIST_MAX}, not {limit}")
    rows = await db.read(
        "alerts/list",
        acknowledgedToo=acknowledged_too,
        kind=None if kind is None else kind.value,
        about=about,
        limit=limit,
    )
    return [
        Alert(
            key=row["key"],
            kind=AlertKind(row["kind"]),
            subjects=row["subjects"],
            title=row["title"],
            facts=row["facts"],
            link=row["link"],
            themes=row["themes"],
            places=row["places"],
            organizations=row["organizations"],
            raised_at=row["raisedAt"],
            acknowledged_at=row["acknowledgedAt"],
            acknowledged_by=row["acknowledgedBy"],
        )
        for row in rows
    ]


async def acknowledge(db: Database, editor: Editor, key: str) -> None:
    """Marks the alert acknowledged (the first acknowledgement stands). A key scoped to an
    organization acknowledges only what concerns that organization."""
    permissions.may_write(editor)
    rows = await db.write_aside(
        "alerts/acknowledge", key=key, by=editor.name, organization=editor.organization
    )
    if not rows:
        raise NotFound(f"no alert '{key}' this key may acknowledge")


async def keep_raising(db: Database, every_s: float, rules: Rules) -> None:
    """Raises what is due every `every_s` seconds while the server runs."""
    while True:
        try:
            await raise_due(db, date.today(), rules)
        except Exception as error:  # a lost database: the next round tries again
            log.warning("alerts_round_failed", error=str(error))
        await asyncio.sleep(every_s)
