// Records one change: who made it (key name, role and scope), when, what, and the state
// before and after as JSON text. Runs in the same transaction as the change it records.
// Parameters: $actor, $role, $scope, $action, $targets, $summary, $before, $after
// Returns: one row: id, at
CREATE (e:AuditEvent {id: randomUUID(), at: datetime(), actor: $actor, role: $role,
                      scope: $scope, action: $action, targets: $targets, summary: $summary,
                      before: $before, after: $after})
RETURN e.id AS id, toString(e.at) AS at
