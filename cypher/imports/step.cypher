// Keeps the undo of one batch an import run has written, in that batch's transaction, so
// that the batch and the means to take it back commit together: whoever finishes a stopped
// run undoes its steps from the last to the first.
// Parameters: $run, $step, $undo (the batch's undo as JSON text)
// Returns: one row: step
CREATE (s:ImportStep {run: $run, step: $step, undo: $undo})
RETURN s.step AS step
