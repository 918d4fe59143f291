"""Pure scoring, with every weight and threshold in one place and a version string that each
answer carries: `overlap` (how alike two initiatives are) and `coverage` (how far need
outruns the work on the map)."""
