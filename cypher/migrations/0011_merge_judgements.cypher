// Migration 9: merge judgements (service/model/kinds.py), the identity work's decisions
// that two organization records are, or are not, one organization. Their ids are unique.
CREATE CONSTRAINT merge_judgement_id IF NOT EXISTS FOR (n:MergeJudgement) REQUIRE n.id IS UNIQUE;
