// Records changes: who made them (key name, role and scope), when, what, and each state
// before and after as JSON text. Runs in the same transaction as the changes it records.
// Parameters: $actor, $role, $scope, $events (list of {action, targets, summary, before, after})
// Returns: one row per event, in order: id, at
UNWIND $events AS event
CREATE (e:AuditEvent {id: randomUUID(), at: datetime(), actor: $actor, role: $role,
                      scope: $scope, action: event.action, targets: event.targets,
                      summary: event.summary, before: event.before, after: event.after})
RETURN e.id AS id, toString(e.at) AS at
