"""Webhooks in GraphQL: `registerWebhook` and `removeWebhook`, and `webhooks`, a key's own
with their delivery log (service/editing/webhooks.py says what is sent and how)."""

import strawberry

from service.api.graphql.context import Context
from service.editing import webhooks

Ctx = strawberry.Info[Context, None]


@strawberry.type(description="One attempt to send a change to a webhook.")
class WebhookDelivery:
    event: strawberry.ID = strawberry.field(description="The change (audit event) sent.")
    attempt: int = strawberry.field(description="Which attempt at that change, from 1.")
    status: int | None = strawberry.field(
        description="The receiver's HTTP status; null: no answer (refused, timed out...)."
    )
    error: str | None = strawberry.field(description="Why it failed; null: it was taken.")
    at: str = strawberry.field(description="When (ISO date and time).")


@strawberry.type(description="Where the changes a filter picks are sent, as they are made.")
class Webhook:
    id: strawberry.ID = strawberry.field(description="The webhook's id.")
    url: str = strawberry.field(description="Where each change is POSTed.")
    kind: str | None = strawberry.field(description="Only changes to records of this kind.")
    record: strawberry.ID | None = strawberry.field(description="Only changes to this record.")
    action: str | None = strawberry.field(description="Only changes of this action.")
    owner: str = strawberry.field(description="The key that registered it.")
    created: str = strawberry.field(description="When it was registered.")
    failing_for: int = strawberry.field(
        description="Failed attempts at the change it waits on (0: none waiting)."
    )
    retry_at: str | None = strawberry.field(description="When it tries that change again.")
    deliveries: list[WebhookDelivery] = strawberry.field(
        description="The latest attempts, newest first (at most 20)."
    )


@strawberry.type(description="A webhook just registered, with its secret (shown only here).")
class WebhookRegistered:
    id: strawberry.ID = strawberry.field(description="The webhook's id.")
    secret: str = strawberry.field(
        description="Check each POST's X-Alliance87-Signature against "
        "sha256=HMAC-SHA256(secret, body), in hex. Keep it: it is not shown again."
    )
    created: str = strawberry.field(description="When it was registered.")


def _webhook(hook: webhooks.Webhook) -> Webhook:
    return Webhook(
        id=strawberry.ID(hook.id),
        url=hook.url,
        kind=hook.kind,
        record=strawberry.ID(hook.record) if hook.record else None,
        action=hook.action,
        owner=hook.owner,
        created=hook.created,
        failing_for=hook.failing_for,
        retry_at=hook.retry_at,
        deliveries=[
            WebhookDelivery(
                event=strawberry.ID(d.event),
                attempt=d.attempt,
                status=d.status,
                error=d.error,
                at=d.at,
            )
            for d in hook.deliveries
        ],
    )


@strawberry.type
class WebhookQuery:
    @strawberry.field(
        description="The calling key's webhooks (an admin key's: everyone's), each with its "
        "latest deliveries. Needs a key."
    )
    async def webhooks(self, info: Ctx) -> list[Webhook]:
        editor = await info.context.editor()
        return [_webhook(h) for h in await webhooks.owned(info.context.db, editor)]


@strawberry.type
class WebhookMutation:
    @strawberry.mutation(
        description="Sends every change from now on that the filter picks (a `kind` of "
        "record, one record `id`, one `action`; none: every change) to `url` as a signed "
        "JSON POST, as this key may read it, retried until taken. Editor and admin keys."
    )
    async def register_webhook(
        self,
        info: Ctx,
        url: str,
        kind: str | None = None,
        id: strawberry.ID | None = None,
        action: str | None = None,
    ) -> WebhookRegistered:
        editor = await info.context.editor()
        record = None if id is None else str(id)
        made = await webhooks.register(info.context.db, editor, url, kind, record, action)
        return WebhookRegistered(
            id=strawberry.ID(made.id), secret=made.secret, created=made.created
        )

    @strawberry.mutation(description="Removes one of the key's webhooks and its log.")
    async def remove_webhook(self, info: Ctx, id: strawberry.ID) -> strawberry.ID:
        editor = await info.context.editor()
        await webhooks.remove(info.context.db, editor, str(id))
        return id
