"""Loading the curated data in `seed/` and the reference data from packages.

`models` is the shape of each seed file (built on the kinds' fields in `service.model`),
`files` reads and validates them, `reference` builds countries, regions and SDGs,
`country_need` and `country_context` read the country figures of `seed/need/`, `graph`
turns all of it into rows and checks that every link points at something, and `loader`
writes the rows to Neo4j in batches, each its own transaction, undoing the committed ones
if a later one fails. `synthetic` generates initiatives for tests and benchmarks
(`a87map seed --generated N`), and `word_rarity` learns from the seed's texts the word
rarity overlap scoring uses (`make word-rarity`).
"""
