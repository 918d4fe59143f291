// Registers a webhook: where to send each change the filter picks, from now on, signed with
// its secret, as the registering key may read it.
// Parameters: $id, $url, $secret, $kind, $record, $action (filter; null: any), $owner,
//             $role, $organization (the registering key's name, role and scope)
// Returns: one row: id, created (text)
CREATE (w:Webhook {id: $id, url: $url, secret: $secret, kind: $kind, record: $record,
                   action: $action, owner: $owner, role: $role, organization: $organization,
                   since: datetime(), created: datetime(), attempts: 0})
RETURN w.id AS id, toString(w.created) AS created
