"""The identity review over GraphQL: the queue of organization records that may be one
organization (each pair with its score and reasons), and the decisions on it
(`judgeOrganizations`: same, which merges them; different, never asked again; unsure) and
the undoing of a merge (`undoMerge`). Reading the queue is public, like all reading;
deciding needs an unscoped editor or admin key (a reader key, and a key scoped to one
organization, are refused: a decision speaks for both records)."""

from typing import Any

import strawberry

from service.api.graphql.context import Context
from service.api.graphql.inputs import value_list
from service.api.graphql.nodes import TYPES, node_of
from service.api.graphql.types import Organization
from service.editing import identity, merges, permissions
from service.errors import FieldProblem, Invalid
from service.model.kinds import MergeVerdict

Ctx = strawberry.Info[Context, None]
Verdict: Any = value_list("MergeVerdict")
MergeJudgement: Any = TYPES["merge-judgement"]


@strawberry.type(description="Two organization records that may be one organization.")
class IdentityCandidate:
    organizations: list[Organization] = strawberry.field(
        description="The two records, on the map, in id order."
    )
    score: float = strawberry.field(
        description="How likely they are one: 85 to 100 (100: the same acronym, alias or "
        "IATI identifier)."
    )
    reasons: list[str] = strawberry.field(
        description="Why: the names, acronyms or identifiers that matched, and the countries "
        "both work in."
    )
    last_verdict: Verdict | None = strawberry.field(
        description="UNSURE, if a reviewer said so; else null (not judged)."
    )
    last_decided_by: str | None = strawberry.field(description="Who said unsure.")
    last_decided_on: str | None = strawberry.field(description="When.")


@strawberry.type(description="A decision of the identity review.")
class IdentityDecision:
    judgement: MergeJudgement = strawberry.field(
        description="The merge judgement recorded: the verdict, who and when."
    )
    merged: Organization | None = strawberry.field(
        description="For same: the record kept, holding both records' relationships and the "
        "other's names as aliases; null otherwise."
    )


def _candidate(queued: identity.QueuedPair) -> IdentityCandidate:
    last = queued.last
    return IdentityCandidate(
        organizations=[Organization.of(r) for r in queued.records],
        score=queued.pair.score,
        reasons=list(queued.pair.reasons),
        last_verdict=Verdict(last.verdict) if last else None,
        last_decided_by=last.decided_by if last else None,
        last_decided_on=last.decided_on if last else None,
    )


@strawberry.type
class IdentityQuery:
    @strawberry.field(
        description="Organization records that may be one organization, likeliest first: "
        "the review queue. Pairs judged different are never listed again. With "
        "`organization`, only the pairs it is part of."
    )
    async def identity_queue(
        self, info: Ctx, organization: strawberry.ID | None = None, first: int = 100
    ) -> list[IdentityCandidate]:
        found = await identity.queue(
            info.context.db, str(organization) if organization else None, first
        )
        return [_candidate(q) for q in found]


@strawberry.type
class IdentityMutation:
    @strawberry.mutation(
        description="Records the review's decision on two organization records, with the "
        "key's name and today's date: SAME merges them (into `keep`, else the first; "
        "undoMerge undoes it), DIFFERENT keeps them apart for good (never queued or merged "
        "again until judged anew), UNSURE leaves them queued. Unscoped editor or admin keys."
    )
    async def judge_organizations(
        self,
        info: Ctx,
        organizations: list[strawberry.ID],
        verdict: Verdict,
        reason: str | None = None,
        keep: strawberry.ID | None = None,
    ) -> IdentityDecision:
        editor = await info.context.editor()
        permissions.may_merge(editor)
        if len(organizations) != 2:
            raise Invalid([FieldProblem("organizations", "name the two records judged")])
        decision = await identity.judge(
            info.context.db,
            editor,
            (str(organizations[0]), str(organizations[1])),
            MergeVerdict(verdict.value),
            reason=reason,
            keep=str(keep) if keep else None,
        )
        return IdentityDecision(
            judgement=node_of(decision.judgement),
            merged=Organization.of(decision.merged) if decision.merged else None,
        )

    @strawberry.mutation(
        description="Undoes a merge: the merged record goes back on the map as it was, with "
        "its relationships and seats, and the record kept loses what the merge gave it. "
        "`version` is the merged record's, as read with includeRetired."
    )
    async def undo_merge(self, info: Ctx, duplicate: strawberry.ID, version: int) -> Organization:
        editor = await info.context.editor()
        outcome = await merges.unmerge_organizations(
            info.context.db, editor, (str(duplicate), version)
        )
        assert outcome.record is not None
        return Organization.of(outcome.record)
