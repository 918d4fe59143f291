// Migration 15: partners' figures per reporting period (service/model/kinds.py,
// PeriodReportDraft): each record's id is unique, as every kind's is.
CREATE CONSTRAINT period_report_id IF NOT EXISTS FOR (n:PeriodReport) REQUIRE n.id IS UNIQUE;
