// Migration 21: the secretariat's reviews of coordination suggestions
// (service/editing/suggestion_reviews.py): one per pair of organizations.
CREATE CONSTRAINT suggestion_review_pair IF NOT EXISTS FOR (n:SuggestionReview) REQUIRE n.pair IS UNIQUE;
