"""The named Cypher statements of `cypher/`, read once at start-up.

Each `.cypher` file holds one statement and opens with a header comment that names its
parameters (`// Parameters: $a, $b` or `// Parameters: none`) and what it returns
(`// Returns: ...`). A statement's name is its path below `cypher/` without the ending,
such as `organizations/page`. Migrations live apart, under `cypher/migrations/`.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from service.errors import QueryFileError

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    parameters: frozenset[str]
    returns: str


def parse_query(name: str, source: str) -> Query:
    """Split a file into header and body, and check that the header names every parameter used."""
    header = " ".join(
        line.strip()[2:].strip() for line in source.splitlines() if line.strip().startswith("//")
    )
    if "Parameters:" not in header or "Returns:" not in header.split("Parameters:", 1)[1]:
        raise QueryFileError(f"{name}: the header must have 'Parameters:' then 'Returns:'")
    declared, returns = header.split("Parameters:", 1)[1].split("Returns:", 1)
    body = "\n".join(line for line in source.splitlines() if not line.strip().startswith("//"))
    used = frozenset(_PARAM.findall(body))
    named = frozenset(_PARAM.findall(declared))
    if used != named:
        raise QueryFileError(
            f"{name}: header names {sorted(named)} but the statement uses {sorted(used)}"
        )
    return Query(name=name, text=body.strip(), parameters=used, returns=returns.strip())


class Queries:
    """Every named statement, by name."""

    def __init__(self, queries: dict[str, Query]) -> None:
        self._queries = queries

    @classmethod
    def load(cls, cypher_dir: Path) -> "Queries":
        found: dict[str, Query] = {}
        for path in sorted(cypher_dir.rglob("*.cypher")):
            name = path.relative_to(cypher_dir).with_suffix("").as_posix()
            if not name.startswith("migrations/"):
                found[name] = parse_query(name, path.read_text(encoding="utf-8"))
        return cls(found)

    def __getitem__(self, name: str) -> Query:
        try:
            return self._queries[name]
        except KeyError:
            raise KeyError(f"no Cypher statement named {name!r} in cypher/") from None

    def names(self) -> list[str]:
        return sorted(self._queries)
