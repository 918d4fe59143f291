"""Alerts in GraphQL: `alerts`, raised as the map calls for them, and
`acknowledgeAlert` (service/editing/alerts.py says which are raised and when)."""

from datetime import date

import strawberry

from service.api.graphql.context import Context
from service.editing import alerts
from service.editing.alerts import AlertKind

Ctx = strawberry.Info[Context, None]

AlertKindEnum = strawberry.enum(
    AlertKind,
    name="AlertKind",
    description="OVERLAP: two initiatives look like the same work; COMMITMENT_DUE: a "
    "commitment falls due within the window; COMMITMENT_OVERDUE: one is past due and still "
    "open; LOOK_ALIKE: two organization records may be one; STALE: an initiative's facts "
    "were last confirmed more than two years ago.",
)


@strawberry.type(description="Something on the map worth acting on, with why and where.")
class Alert:
    key: str = strawberry.field(description="What it is about; acknowledge it by this.")
    kind: AlertKind = strawberry.field(description="What kind of alert it is.")
    subjects: list[strawberry.ID] = strawberry.field(description="The records it is about.")
    title: str = strawberry.field(description="It, in a line.")
    facts: list[str] = strawberry.field(description="The facts behind it.")
    link: str = strawberry.field(description="Where to look, in the explorer.")
    themes: list[strawberry.ID] = strawberry.field(description="The themes it concerns.")
    places: list[strawberry.ID] = strawberry.field(description="The places it concerns.")
    organizations: list[strawberry.ID] = strawberry.field(
        description="The organizations it concerns."
    )
    raised_at: str | None = strawberry.field(description="When it was raised.")
    acknowledged_at: str | None = strawberry.field(
        description="When it was acknowledged; null: it is open."
    )
    acknowledged_by: str | None = strawberry.field(description="The key that acknowledged it.")


@strawberry.type
class AlertQuery:
    @strawberry.field(
        description="Open alerts, newest first (acknowledged ones too with "
        "`acknowledged`), optionally of one `kind`, or `about` one record: an initiative, "
        "organization, commitment, theme or place it concerns. What the map calls for is "
        "raised before they are read. Needs a key."
    )
    async def alerts(
        self,
        info: Ctx,
        kind: AlertKind | None = None,
        about: strawberry.ID | None = None,
        acknowledged: bool = False,
        first: int = 100,
    ) -> list[Alert]:
        await info.context.editor()
        db, settings = info.context.db, info.context.settings
        await alerts.raise_due(db, date.today(), alerts.Rules.of(settings))
        found = await alerts.listed(
            db,
            kind=kind,
            about=None if about is None else str(about),
            acknowledged_too=acknowledged,
            limit=first,
        )
        return [
            Alert(
                key=a.key,
                kind=a.kind,
                subjects=[strawberry.ID(s) for s in a.subjects],
                title=a.title,
                facts=a.facts,
                link=a.link,
                themes=[strawberry.ID(t) for t in a.themes],
                places=[strawberry.ID(p) for p in a.places],
                organizations=[strawberry.ID(o) for o in a.organizations],
                raised_at=a.raised_at,
                acknowledged_at=a.acknowledged_at,
                acknowledged_by=a.acknowledged_by,
            )
            for a in found
        ]


@strawberry.type
class AlertMutation:
    @strawberry.mutation(
        description="Acknowledges an alert by its key: it leaves the open list and is not "
        "raised again. Editor and admin keys; a key scoped to an organization, only the "
        "alerts that concern it."
    )
    async def acknowledge_alert(self, info: Ctx, key: str) -> str:
        editor = await info.context.editor()
        await alerts.acknowledge(info.context.db, editor, key)
        return key
