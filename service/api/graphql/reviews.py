"""The secretariat's reviews of flagged overlaps and the involved organizations'
responses: published to everyone beside the pair (`Overlap.review`, `overlapReviews`),
written with `reviewOverlap` and `respondToReview`."""

import strawberry

from service.api.graphql.context import Context
from service.domain import overlap_reviews, overlap_store
from service.domain.coordination import SuggestionVerdict
from service.domain.overlap_reviews import ReviewVerdict
from service.editing import overlap_reviews as writing
from service.editing import suggestion_reviews

Ctx = strawberry.Info[Context, None]

OverlapReviewVerdict = strawberry.enum(
    ReviewVerdict,
    name="OverlapReviewVerdict",
    description="The secretariat's verdict on a flagged pair: DUPLICATE (the same work "
    "written up twice), COMPLEMENTARY (related work that adds up), NOT_RELATED.",
)


SuggestionVerdictEnum = strawberry.enum(
    SuggestionVerdict,
    name="SuggestionVerdict",
    description="INTRODUCED: the secretariat put them in touch; ALREADY_CONNECTED: they work "
    "together off the map; NOT_USEFUL.",
)


@strawberry.type(description="An involved organization's answer to the review of a pair.")
class OverlapResponse:
    organization: strawberry.ID = strawberry.field(description="The organization answering.")
    organization_name: str | None = strawberry.field(description="Its name on the map.")
    response: str = strawberry.field(description="What it says, in its own words.")
    responded_at: str = strawberry.field(description="When it answered (ISO date and time).")


@strawberry.type(
    description="The secretariat's review of two initiatives flagged as overlapping, with "
    "the responses of the organizations involved."
)
class OverlapReview:
    a: strawberry.ID = strawberry.field(description="One initiative of the pair.")
    b: strawberry.ID = strawberry.field(description="The other.")
    verdict: ReviewVerdict = strawberry.field(description="What the review decided.")
    reason: str = strawberry.field(description="Why, in the reviewer's words.")
    reviewer_role: str = strawberry.field(description="The role of the key that reviewed it.")
    reviewed_at: str = strawberry.field(description="When (ISO date and time).")
    current: bool | None = strawberry.field(
        description="Whether both initiatives are still what the review saw (what overlap "
        "scoring compares); false: one changed since and the pair is open again; null "
        "where not worked out (overlapReviews without `current`)."
    )
    responses: list[OverlapResponse] = strawberry.field(
        description="The involved organizations' answers, oldest first."
    )

    @classmethod
    def of(cls, review: overlap_reviews.Review, current: bool | None) -> "OverlapReview":
        return cls(
            a=strawberry.ID(review.a),
            b=strawberry.ID(review.b),
            verdict=review.verdict,
            reason=review.reason,
            reviewer_role=review.reviewer_role,
            reviewed_at=review.reviewed_at,
            current=current,
            responses=[
                OverlapResponse(
                    organization=strawberry.ID(r.organization),
                    organization_name=r.organization_name,
                    response=r.response,
                    responded_at=r.responded_at,
                )
                for r in review.responses
            ],
        )


@strawberry.type(description="A review or a response, as recorded.")
class ReviewRecorded:
    pair: str = strawberry.field(description="The two initiative ids, in order.")
    event: strawberry.ID = strawberry.field(description="The audit event that records it.")


@strawberry.type
class ReviewQuery:
    @strawberry.field(
        description="Every reviewed pair of initiatives, newest review first, with its "
        "verdict, reason and the responses; whether each is still current."
    )
    async def overlap_reviews(self, info: Ctx) -> list[OverlapReview]:
        db = info.context.db
        found = await overlap_reviews.reviews(db)
        ids = {i for r in found.values() for i in (r.a, r.b)}
        profiles = await overlap_store.profiles_of(db, ids)
        return [OverlapReview.of(r, r.current(profiles)) for r in found.values()]


@strawberry.type
class ReviewMutation:
    @strawberry.mutation(
        description="Records the secretariat's verdict on two initiatives flagged as "
        "overlapping, with its reason: the pair leaves `overlaps` until either initiative "
        "changes what overlap scoring compares. Unscoped editor or admin keys."
    )
    async def review_overlap(
        self, info: Ctx, a: strawberry.ID, b: strawberry.ID, verdict: ReviewVerdict, reason: str
    ) -> ReviewRecorded:
        editor = await info.context.editor()
        done = await writing.review(info.context.db, editor, str(a), str(b), verdict, reason)
        return ReviewRecorded(pair=done.pair, event=strawberry.ID(done.event))

    @strawberry.mutation(
        description="The answer of the key's organization to the review of a pair it takes "
        "part in, shown beside the verdict; it replaces the organization's earlier answer. "
        "Keys scoped to that organization only."
    )
    async def respond_to_review(
        self, info: Ctx, a: strawberry.ID, b: strawberry.ID, response: str
    ) -> ReviewRecorded:
        editor = await info.context.editor()
        done = await writing.respond(info.context.db, editor, str(a), str(b), response)
        return ReviewRecorded(pair=done.pair, event=strawberry.ID(done.event))

    @strawberry.mutation(
        description="Records the secretariat's review of a coordination suggestion "
        "(INTRODUCED, ALREADY_CONNECTED, NOT_USEFUL) with its reason: the pair is not "
        "suggested again. Unscoped editor or admin keys."
    )
    async def review_suggestion(
        self,
        info: Ctx,
        a: strawberry.ID,
        b: strawberry.ID,
        verdict: SuggestionVerdict,
        reason: str,
    ) -> ReviewRecorded:
        editor = await info.context.editor()
        done = await suggestion_reviews.review(
            info.context.db, editor, str(a), str(b), verdict, reason
        )
        return ReviewRecorded(pair=done.pair, event=strawberry.ID(done.event))
