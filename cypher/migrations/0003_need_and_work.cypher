// Migration 3: need estimates get the same id guarantee as every other kind.
CREATE CONSTRAINT need_estimate_id IF NOT EXISTS FOR (n:NeedEstimate) REQUIRE n.id IS UNIQUE
