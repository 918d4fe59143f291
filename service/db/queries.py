"""The named Cypher statements of `cypher/`, read once at start-up.

Each `.cypher` file holds one statement and opens with a header comment that names its
parameters (`// Parameters: $a, $b` or `// Parameters: none`) and what it returns
(`// Returns: ...`). A statement's name is its path below `cypher/` without the ending,
such as `organizations/page`. Migrations live apart, under `cypher/migrations/`.

A line `INCLUDE name` stands for the `.inc` file of that name (`cypher/name.inc`): a part
two statements share, such as the initiatives a filter matches, written once. The
statement's header names the parameters its includes use too.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from service.errors import QueryFileError

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_INCLUDE = re.compile(r"^INCLUDE ([a-z_/-]+)$", re.MULTILINE)


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
                source = _included(cypher_dir, name, path.read_text(encoding="utf-8"))
                found[name] = parse_query(name, source)
        return cls(found)

    def __getitem__(self, name: str) -> Query:
        try:
            return self._queries[name]
        except KeyError:
            raise KeyError(f"no Cypher statement named {name!r} in cypher/") from None

    def names(self) -> list[str]:
        return sorted(self._queries)


def _included(cypher_dir: Path, name: str, source: str) -> str:
    """The statement with each `INCLUDE part` line replaced by that part's text."""

    def part(found: re.Match[str]) -> str:
        path = cypher_dir / f"{found.group(1)}.inc"
        if not path.is_file():
            raise QueryFileError(f"{name}: it includes {found.group(1)}, which has no .inc file")
        return path.read_text(encoding="utf-8").strip()

    return _INCLUDE.sub(part, source)


_SLOT = re.compile(r"@([a-z_]+)@")
# Slots that take a name from the model (a label, a relationship type or several joined by
# '|', a property, a variable), never a request's text.
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\|[A-Za-z_][A-Za-z0-9_]*)*$")
_NAMED_SLOTS = frozenset(
    {"here", "link", "types", "far", "node", "label", "property", "enum", "otherwise"}
)


@dataclass(frozen=True)
class Fragment:
    """A piece of Cypher with `@slot@` places, put together with others into a statement
    (cypher/projections/README.md)."""

    name: str
    text: str
    slots: frozenset[str]

    def fill(self, **values: str) -> str:
        if set(values) != self.slots:
            raise QueryFileError(
                f"{self.name}: slots are {sorted(self.slots)}, not {sorted(values)}"
            )
        for slot in _NAMED_SLOTS & self.slots:
            if not _NAME.match(values[slot]):
                raise QueryFileError(f"{self.name}: '{values[slot]}' is not a name for @{slot}@")
        return _SLOT.sub(lambda found: values[found.group(1)], self.text)


def load_fragments(folder: Path) -> dict[str, Fragment]:
    """The `.part` files of a folder, by name; a file whose header does not name exactly the
    slots its text uses is refused."""
    found = {}
    for path in sorted(folder.glob("*.part")):
        source = path.read_text(encoding="utf-8")
        header = " ".join(
            line.strip()[2:] for line in source.splitlines() if line.strip().startswith("//")
        )
        if "Slots:" not in header:
            raise QueryFileError(f"{path.name}: the header must name its 'Slots:'")
        lines = source.splitlines()
        body = "\n".join(line for line in lines if not line.strip().startswith("//")).strip()
        declared = frozenset(_SLOT.findall(header.split("Slots:", 1)[1]))
        used = frozenset(_SLOT.findall(body))
        if declared != used:
            raise QueryFileError(
                f"{path.name}: header names {sorted(declared)}, text uses {sorted(used)}"
            )
        found[path.stem] = Fragment(path.stem, body, used)
    return found
