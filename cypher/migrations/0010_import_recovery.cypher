// Migration 10: imports that survive a killed process (service/editing/holds.py). Each
// batch an import writes keeps its undo as an ImportStep of its run, found by the run's id,
// so a process that finds the run abandoned can take the batches back.
CREATE INDEX import_step_run IF NOT EXISTS FOR (s:ImportStep) ON (s.run)
