"""Webhooks: a key registers a URL, and every change its filter picks (of a kind, about a
record, of an action) is POSTed there from then on, as that key may read it (the actor's
name for reader and admin keys, a person's contact details for admin keys only). Each
POST carries the change as JSON, signed with the webhook's secret (shown once, at
registration): `X-Alliance87-Signature: sha256=<hex HMAC-SHA256 of the body>`, and the
event's id in `X-Alliance87-Event`, so a receiver can drop a change it was sent twice.

Changes go out in the order they were made. A change a receiver does not take (no 2xx
answer within the timeout) is sent again after 1, 2, 4... seconds (at most 10 minutes
apart) until it is taken; those after it wait, so none overtakes it. Every attempt is in
the delivery log. Any process of the service may deliver: a webhook is held by one at a
time (a lease in the database), and its position moves past a change only once the
receiver took it. So a change goes out once, except when a process dies between a
receiver's answer and the note of it: that change is sent again (same event id)."""

import asyncio
import hashlib
import hmac
import os
import secrets
import socket
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlparse

import orjson
import structlog

from service.db.driver import Database
from service.editing import audit, permissions
from service.editing.keys import Editor
from service.errors import BadInput, NotFound

log = structlog.get_logger(__name__)
SIGNATURE = "X-Alliance87-Signature"
EVENT = "X-Alliance87-Event"
MAX_WAIT_S = 600
LEASE_S = 60
BATCH = 50
LOG_SHOWN = 20


@dataclass(frozen=True)
class Registered:
    id: str
    secret: str
    created: str


@dataclass(frozen=True)
class Delivery:
    event: str
    attempt: int
    status: int | None
    error: str | None
    at: str


@dataclass(frozen=True)
class Webhook:
    id: str
    url: str
    kind: str | None
    record: str | None
    action: str | None
    owner: str
    created: str
    failing_for: int  # failed attempts at the change it is waiting on
    retry_at: str | None
    deliveries: list[Delivery]


def _checked_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise BadInput(f"url: an http or https address, not '{url}'")
    return url


async def register(
    db: Database,
    editor: Editor,
    url: str,
    kind: str | None = None,
    record: str | None = None,
    action: str | None = None,
) -> Registered:
    """A webhook for the key (an editor's or admin's: reader keys follow the `changes`
    subscription or the Atom feed); its secret, to check signatures with, is shown here
    only."""
    permissions.may_write(editor)
    # The filter is checked as `changes` checks it (the time is only a placeholder).
    audit.ChangeFilter(datetime.now().astimezone(), kind, record, action).parameters()
    secret = secrets.token_urlsafe(32)
    [row] = await db.write_aside(
        "webhooks/create",
        id=str(uuid.uuid4()),
        url=_checked_url(url),
        secret=secret,
        kind=kind,
        record=record,
        action=action,
        owner=editor.name,
        role=editor.role,
        organization=editor.organization,
    )
    return Registered(row["id"], secret, row["created"])


async def remove(db: Database, editor: Editor, webhook: str) -> None:
    """Removes one of the key's webhooks (an admin key: anyone's) with its log."""
    permissions.may_write(editor)
    [row] = await db.write_aside(
        "webhooks/remove", id=webhook, owner=editor.name, anyOwner=editor.is_admin
    )
    if not row["removed"]:
        raise NotFound(f"no webhook {webhook} of this key")


async def owned(db: Database, editor: Editor) -> list[Webhook]:
    """The key's webhooks (an admin key's: everyone's), each with its latest deliveries."""
    rows = await db.read(
        "webhooks/owned", owner=None if editor.is_admin else editor.name, last=LOG_SHOWN
    )
    return [
        Webhook(
            id=row["id"],
            url=row["url"],
            kind=row["kind"],
            record=row["record"],
            action=row["action"],
            owner=row["owner"],
            created=row["created"],
            failing_for=row["attempts"],
            retry_at=row["retryAt"],
            deliveries=[Delivery(**d) for d in row["deliveries"]],
        )
        for row in rows
    ]


def payload(event: audit.AuditEvent, owner: Editor) -> bytes:
    """The change as the webhook's key may read it, as JSON."""
    seen = event.for_reader(owner.reads_contact_history)
    return orjson.dumps(
        {
            "id": seen.id,
            "at": seen.at,
            "actor": seen.actor if owner.reads_actors else None,
            "role": seen.role,
            "scope": seen.scope,
            "action": seen.action,
            "targets": seen.targets,
            "summary": seen.summary,
            "changedFields": seen.changed_fields(),
            "before": seen.before,
            "after": seen.after,
        },
        option=orjson.OPT_SORT_KEYS,
    )


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _post(url: str, body: bytes, headers: dict[str, str], timeout_s: float) -> int:
    """The receiver's HTTP status (urllib raises for one outside 2xx). Only http and
    https addresses are registered (`_checked_url`)."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=timeout_s) as answer:
        return int(answer.status)


async def _send(
    hook: dict[str, Any], event: audit.AuditEvent, timeout_s: float
) -> tuple[int | None, str | None]:
    owner = Editor(hook["owner"], hook["role"], hook["organization"])
    body = payload(event, owner)
    headers = {
        "Content-Type": "application/json",
        SIGNATURE: sign(hook["secret"], body),
        EVENT: event.id,
        "User-Agent": "alliance87-map-webhooks",
    }
    try:
        status = await asyncio.to_thread(_post, hook["url"], body, headers, timeout_s)
    except urllib.error.HTTPError as error:
        return error.code, f"answered {error.code}"
    except (urllib.error.URLError, OSError, TimeoutError) as error:
        return None, str(getattr(error, "reason", error))[:300]
    return status, None


async def deliver_due(db: Database, timeout_s: float) -> int:
    """One round: claims the webhooks due, sends each the changes waiting for it, in order,
    until one is refused; lets them go. How many changes were taken."""
    me = f"{socket.gethostname()}:{os.getpid()}"
    hooks = await db.write_aside("webhooks/claim", by=me, leaseSeconds=LEASE_S)
    taken = 0
    try:
        for hook in hooks:
            taken += await _deliver(db, hook, me, timeout_s)
    finally:
        if hooks:
            await db.write_aside("webhooks/release", ids=[h["id"] for h in hooks], by=me)
    return taken


async def _deliver(db: Database, hook: dict[str, Any], me: str, timeout_s: float) -> int:
    wanted = audit.ChangeFilter(
        hook["since"].to_native(), hook["kind"], hook["record"], hook["action"]
    )
    found = await audit.changes(db, wanted, after=hook["cursor"], limit=BATCH)
    attempts, taken = int(hook["attempts"]), 0
    for event in found.events:
        status, error = await _send(hook, event, timeout_s)
        ok = error is None
        wait = min(2**attempts, MAX_WAIT_S)
        logged = await db.write_aside(
            "webhooks/delivered",
            webhook=hook["id"],
            by=me,
            event=event.id,
            attempt=attempts + 1,
            status=status,
            error=error,
            ok=ok,
            cursor=audit.event_cursor(event),
            retrySeconds=wait,
            leaseSeconds=LEASE_S,
            release=False,
        )
        if not logged:  # another process holds it now (this one was too slow): stop here
            return taken
        if not ok:
            log.warning(
                "webhook_refused", webhook=hook["id"], event=event.id, error=error, retry_s=wait
            )
            return taken
        attempts, taken = 0, taken + 1
    return taken


async def keep_delivering(db: Database, every_s: float, timeout_s: float) -> None:
    """Delivers what is due every `every_s` seconds while the server runs."""
    while True:
        try:
            await deliver_due(db, timeout_s)
        except Exception as error:  # a lost database or receiver: the next round tries again
            log.warning("webhook_round_failed", error=str(error))
        await asyncio.sleep(every_s)
