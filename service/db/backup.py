"""A backup of everything the database holds, and its restore into an empty one.

Everything: every node with its labels and properties (records, retired ones, need figures,
history events, API keys as their hashes, import runs, holds and undo steps, judgements,
stored overlaps and rankings) and every relationship with its properties. Not the schema:
a restore applies the migrations first, and the backup names the versions it was taken at.

The file is JSON Lines (UTF-8): a header, then one line per node, then one per
relationship. It is canonical, so the backup of a restored map is byte for byte the backup
it was restored from: nodes are numbered in the order of their encoded lines, with no
element id or time of taking in the file, and relationships name their ends by those
numbers. Values Neo4j types beyond JSON are tagged: `{"$date": "2017-11-13"}` and
`{"$datetime": "...+00:00"}` (a named time zone is kept as its offset at that moment).

A restore is one transaction: killed half-way, it leaves the database as it was, empty."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta, timezone
from typing import Any

import orjson
from neo4j.time import Date, DateTime

from service.db.driver import Database, batches
from service.errors import BadInput

FORMAT = "a87map-backup"
VERSION = 1
_BATCH = 2_000
_OPTIONS = orjson.OPT_SORT_KEYS
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Backup:
    migrations: list[int]
    nodes: list[bytes]
    relationships: list[bytes]

    def lines(self) -> Iterator[bytes]:
        header = {
            "format": FORMAT,
            "version": VERSION,
            "migrations": self.migrations,
            "nodes": len(self.nodes),
            "relationships": len(self.relationships),
        }
        yield orjson.dumps(header, option=_OPTIONS) + b"\n"
        for line in (*self.nodes, *self.relationships):
            yield line + b"\n"


def _encoded(value: Any) -> Any:
    if isinstance(value, list):
        return [_encoded(v) for v in value]
    if isinstance(value, DateTime):
        return {"$datetime": value.iso_format()}
    if isinstance(value, Date):
        return {"$date": value.iso_format()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise BadInput(f"a property of type {type(value).__name__} cannot be backed up yet")


def _decoded(value: Any) -> Any:
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    if isinstance(value, dict):
        if "$datetime" in value:
            # A fixed offset, as Neo4j's datetime() stores it: the driver would send a named
            # zone (UTC) as a zone id, which Neo4j keeps and prints otherwise ("Z[UTC]").
            parsed = DateTime.from_iso_format(value["$datetime"])
            return parsed.replace(tzinfo=timezone(parsed.utcoffset() or timedelta(0)))
        return Date.from_iso_format(value["$date"])
    return value


def _props(props: dict[str, Any]) -> dict[str, Any]:
    return {key: _encoded(value) for key, value in props.items()}


async def take(db: Database) -> Backup:
    """Everything in the database, read in one transaction so it is one moment's state."""
    async with db.transaction() as tx:
        applied = [row["version"] for row in await tx.run("schema/applied_versions")]
        node_rows = await tx.run("backup/nodes")
        link_rows = await tx.run("backup/relationships")
    encoded = {
        row["element"]: orjson.dumps(
            {"labels": sorted(row["labels"]), "props": _props(row["props"])}, option=_OPTIONS
        )
        for row in node_rows
    }
    ordered = sorted(encoded, key=encoded.__getitem__)
    number = {element: n for n, element in enumerate(ordered)}
    nodes = [b'{"n":%d,' % number[e] + encoded[e][1:] for e in ordered]
    links = sorted(
        orjson.dumps(
            {
                "ends": [number[row["start"]], number[row["end"]]],
                "type": row["type"],
                "props": _props(row["props"]),
            },
            option=_OPTIONS,
        )
        for row in link_rows
    )
    return Backup(applied, nodes, links)


@dataclass(frozen=True)
class Restored:
    nodes: int
    relationships: int


def read(lines: Iterator[bytes]) -> tuple[dict[str, Any], list[dict[str, Any]], list[Any]]:
    """A backup file's header, nodes and relationships; a file that is no backup, or is cut
    short, is refused whole, before anything is written."""
    try:
        header = orjson.loads(next(lines))
        parsed = [orjson.loads(line) for line in lines if line.strip()]
    except (StopIteration, orjson.JSONDecodeError) as error:
        raise BadInput(f"not a backup of the map: {error}") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BadInput("not a backup of the map (its first line names no a87map-backup)")
    if header.get("version") != VERSION:
        raise BadInput(f"a backup of format version {header.get('version')}; this reads {VERSION}")
    nodes, links = parsed[: header["nodes"]], parsed[header["nodes"] :]
    if len(nodes) != header["nodes"] or len(links) != header["relationships"]:
        raise BadInput(
            f"the backup is cut short: its header promises {header['nodes']} nodes and "
            f"{header['relationships']} relationships, it holds {len(parsed)} lines"
        )
    return header, nodes, links


async def restore(db: Database, lines: Iterator[bytes], progress: Progress) -> Restored:
    """Writes a backup into a database that holds nothing but its schema, in one
    transaction; refuses one that holds anything, or a backup of a newer schema."""
    header, nodes, links = read(lines)
    applied = {row["version"] for row in await db.read("schema/applied_versions")}
    newer = sorted(set(header["migrations"]) - applied)
    if newer:
        raise BadInput(f"the backup was taken at schema migrations {newer}, not known here")
    if (await db.read("backup/occupied"))[0]["nodes"]:
        raise BadInput("the database is not empty: a backup is restored into an empty map only")
    element: dict[int, str] = {}
    async with db.transaction() as tx:
        for batch in batches(nodes, _BATCH):
            rows = [{**n, "props": _decoded_props(n["props"])} for n in batch]
            for row in await tx.run("backup/create_nodes", rows=rows):
                element[row["n"]] = row["element"]
            progress("nodes", len(element), len(nodes))
        done = 0
        for batch in batches(links, _BATCH):
            rows = [
                {
                    "start": element[link["ends"][0]],
                    "end": element[link["ends"][1]],
                    "type": link["type"],
                    "props": _decoded_props(link["props"]),
                }
                for link in batch
            ]
            done += (await tx.run("backup/create_relationships", rows=rows))[0]["created"]
            progress("relationships", done, len(links))
    return Restored(len(element), done)


def _decoded_props(props: dict[str, Any]) -> dict[str, Any]:
    return {key: _decoded(value) for key, value in props.items()}
