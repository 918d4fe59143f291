// Migration 18: the secretariat's reviews of flagged overlaps and the involved
// organizations' responses (service/editing/overlap_reviews.py): one review per pair of
// initiatives, one response per pair and organization.
CREATE CONSTRAINT overlap_review_pair IF NOT EXISTS FOR (n:OverlapReview) REQUIRE n.pair IS UNIQUE;
CREATE CONSTRAINT overlap_response_id IF NOT EXISTS FOR (n:OverlapResponse) REQUIRE n.id IS UNIQUE;
