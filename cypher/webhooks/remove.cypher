// Removes a webhook of the given owner (any owner's with $anyOwner) and its delivery log.
// Parameters: $id, $owner, $anyOwner (bool)
// Returns: one row: removed (count of webhooks removed)
OPTIONAL MATCH (w:Webhook {id: $id})
WHERE $anyOwner OR w.owner = $owner
CALL (w) {
  OPTIONAL MATCH (d:WebhookDelivery {webhook: w.id})
  DETACH DELETE d
  RETURN count(*) AS logged
}
DETACH DELETE w
RETURN count(w) AS removed
