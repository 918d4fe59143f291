"""Loading the curated data in `seed/` and the reference data from packages.

`models` is the shape of each seed file (built on the kinds' fields in `service.model`),
`files` reads and validates them, `reference` builds countries, regions and SDGs, `graph`
turns both into rows and checks that every link points at something, and `loader` writes
the rows to Neo4j in one transaction. `synthetic` generates initiatives for tests and
benchmarks (`a87map seed --generated N`).
"""
