"""Pure scoring, with every weight and threshold in one place and a version string that each
answer carries: `overlap` (how alike two initiatives are), `blocking` (which pairs are
compared at all), `text` (how alike their texts are, with fixed word rarity) and
`coverage` (how far need outruns the work on the map)."""
