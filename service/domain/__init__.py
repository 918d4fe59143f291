"""The questions users ask of the map, in the field's terms: who is doing what and where,
which organizations, initiatives and documents (the evidence directory) match a filter,
what a node is tied to, what a search finds, what to draw around a focus; what the
Alliance follows up (commitments and whether they are overdue, membership standings,
seats, indicator values); and the stored analyses and the undo of writes made in batches.
Functions here take a `Database` and return plain records; they know nothing of HTTP or
GraphQL."""
