"""The Neo4j driver, made once and handed down, and the one way statements are run.

Every statement goes through the `Database`: `read` and `write` run a named statement,
`read_built` one put together from the fragments of `cypher/projections/`, and
`transaction` gives a `Transaction` whose `run` does the same inside one explicit write
transaction. Each checks the parameters against the statement's header and counts the
round trip for the current request; a lost connection becomes `DatabaseUnavailable`. The
migrations' schema statements, which take no parameters, go through `run_schema`.

A write that changed anything also marks the map's revision (maintenance/revise) in the same
transaction, before it commits: answers kept for a revision (service/domain/kept.py) are
then never given after a change, by any process, whichever path wrote it.
"""

import asyncio
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction, Record, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from neo4j.graph import Node, Path, Relationship

from service.config import Settings
from service.db.queries import Queries, Query
from service.errors import BeyondDatabaseMemory, Contended, DatabaseUnavailable

T = TypeVar("T")

Row = dict[str, Any]
# The tests turn this on: every row is checked for nodes, relationships and paths.
_CHECK_ROWS = False


# What Neo4j says when a node this transaction waited for was deleted by the one before it.
_GONE = "Neo.ClientError.Statement.EntityNotFound"
_BUSY = "the map's database is too busy to answer now; try again shortly"
# What Neo4j says when another process made the index or constraint a migration makes.
_ALREADY_THERE = frozenset(
    {
        "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
        "Neo.ClientError.Schema.IndexAlreadyExists",
        "Neo.ClientError.Schema.ConstraintAlreadyExists",
    }
)
_OUT_OF_MEMORY = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"
_OVER_MEMORY = (
    "this would need more memory in one transaction than the map's database allows "
    "(its transaction memory limit); nothing was written: split the import into smaller "
    "files, or ask for less at a time"
)
# What Neo4j says while it answers Bolt but its database is still starting or stopping.
_NOT_SERVING = frozenset(
    {
        "Neo.TransientError.General.DatabaseUnavailable",
        "Neo.ClientError.Database.DatabaseNotFound",
        "Neo.TransientError.Database.DatabaseUnavailable",
    }
)
_STARTING = "the map's database is starting or stopping; try again shortly"


@dataclass
class RoundTrips:
    """How many statements one request sent to Neo4j."""

    count: int = 0
    names: list[str] = field(default_factory=list)


_round_trips: ContextVar[RoundTrips | None] = ContextVar("round_trips", default=None)


def start_counting() -> RoundTrips:
    counter = RoundTrips()
    _round_trips.set(counter)
    return counter


def _count(query: Query) -> None:
    counter = _round_trips.get()
    if counter is not None:
        counter.count += 1
        counter.names.append(query.name)


def _prepare(queries: Queries, name: str, parameters: dict[str, Any]) -> Query:
    """The named statement, once its parameters are checked and the round trip counted."""
    return _checked(queries[name], parameters)


def _checked(query: Query, parameters: dict[str, Any]) -> Query:
    if set(parameters) != query.parameters:
        raise ValueError(
            f"{query.name} takes {sorted(query.parameters)}, was given {sorted(parameters)}"
        )
    _count(query)
    return query


def make_driver(settings: Settings, *, retry_s: float) -> AsyncDriver:
    """The driver; `retry_s` is how long a read is retried after a lost connection (short
    for the service's requests, longer for commands)."""
    return AsyncGraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        connection_timeout=settings.neo4j_connection_timeout_s,
        connection_acquisition_timeout=settings.neo4j_connection_timeout_s
        + settings.neo4j_pool_wait_s,
        max_transaction_retry_time=retry_s,
        max_connection_pool_size=settings.neo4j_pool_size,
        # Labels such as SchemaMigration do not exist until first written; the server's
        # notices about them are noise, not errors.
        notifications_min_severity="OFF",
    )


@asynccontextmanager
async def unavailable_as_error() -> AsyncIterator[None]:
    try:
        yield
    except TransientError as error:
        if error.code in _NOT_SERVING:
            raise DatabaseUnavailable(_STARTING) from error
        if error.code == _OUT_OF_MEMORY:
            raise BeyondDatabaseMemory(_OVER_MEMORY) from error
        raise Contended(_CONTENDED) from error
    except ClientError as error:
        if error.code in _NOT_SERVING:
            raise DatabaseUnavailable(_STARTING) from error
        if error.code is None and "pool" in str(error):
            # The driver's own refusal (it carries no server code) when every connection of
            # the pool stayed busy past neo4j_pool_wait_s.
            raise DatabaseUnavailable(_BUSY) from error
        if error.code != _GONE:
            raise
        raise Contended(_CONTENDED) from error
    except (ServiceUnavailable, SessionExpired, OSError) as error:
        raise DatabaseUnavailable("the map's database is unavailable; try again shortly") from error
    except AuthError as error:
        raise DatabaseUnavailable(
            "the map's database refused the configured credentials"
        ) from error


def _row(record: Record) -> Row:
    """A record as a plain dict. The named statements return maps, lists and values, never
    nodes or relationships, which the driver has already decoded into Python: a plain
    copy, several times cheaper than `record.data()`, which walks every nested value again
    (a test checks that no statement returns a graph type)."""
    row = dict(record)
    if _CHECK_ROWS:
        _no_graph_types(row, record)
    return row


def _no_graph_types(value: object, record: Record) -> None:
    if isinstance(value, Node | Relationship | Path):
        raise TypeError(f"a statement returned a {type(value).__name__}: {record.keys()}")
    if isinstance(value, dict):
        for item in value.values():
            _no_graph_types(item, record)
    elif isinstance(value, list):
        for item in value:
            _no_graph_types(item, record)


_CONTENDED = (
    "another change to the same records was being saved at the same moment; nothing of "
    "yours was written: read them again and reapply your change"
)


class Database:
    """Named statements run against one database through the one driver.

    After Neo4j has failed once, nothing waits on it unbounded: each call first sends one
    short read, cut off after `probe_timeout_s`, until one succeeds. A Neo4j that is still
    starting accepts connections and then holds queries for seconds; without the probe a
    client would see its own timeout instead of DATABASE_UNAVAILABLE."""

    # True for the map as one rolled-back transaction sees it (InTransaction): answers read
    # there are not kept (service/domain/kept.py), and nothing stored outside it (a stored
    # ranking) describes it, nor may work on it be left to run after the answer.
    rehearsed = False

    def __init__(
        self, driver: AsyncDriver, queries: Queries, database: str, *, probe_timeout_s: float
    ) -> None:
        self.driver = driver
        self.queries = queries
        self.database = database
        self.probe_timeout_s = probe_timeout_s
        self._troubled = False

    async def _recovered(self) -> None:
        if not self._troubled:
            return
        probe = self.queries["schema/applied_versions"]
        try:
            async with asyncio.timeout(self.probe_timeout_s), unavailable_as_error():
                await self.driver.execute_query(
                    probe.text, database_=self.database, routing_=RoutingControl.READ
                )
        except TimeoutError:
            raise DatabaseUnavailable(_STARTING) from None
        self._troubled = False

    @asynccontextmanager
    async def _watched(self) -> AsyncIterator[None]:
        """Driver errors as the map's errors; a lost database remembered until it answers."""
        await self._recovered()
        try:
            async with unavailable_as_error():
                yield
        except DatabaseUnavailable:
            self._troubled = True
            raise

    def _session(self) -> neo4j.AsyncSession:
        """A session chained to every other statement of this process (the driver's own
        bookmarks, which `execute_query` uses too): in a cluster, a read sent after a write
        waits until the server it lands on holds that write."""
        return self.driver.session(
            database=self.database, bookmark_manager=self.driver.execute_query_bookmark_manager
        )

    async def read(self, name: str, /, **parameters: Any) -> list[Row]:
        query = _prepare(self.queries, name, parameters)
        return await self._send(query, parameters, RoutingControl.READ)

    async def read_apart(self, name: str, /, **parameters: Any) -> list[Row]:
        """A read in a session of its own even from inside a rehearsal (InTransaction does
        not override it): for what the server is, such as the procedures it has."""
        return await Database.read(self, name, **parameters)

    async def write(self, name: str, /, **parameters: Any) -> list[Row]:
        """One statement in a transaction of its own, retried as the driver retries (a
        deadlock, a leader switch)."""
        return await self._write(name, parameters, revises=True)

    async def write_aside(self, name: str, /, **parameters: Any) -> list[Row]:
        """The same, for a write beside the map that no answer reads (a webhook's lease and
        delivery log): the map's revision stays, so kept answers stay valid."""
        return await self._write(name, parameters, revises=False)

    async def _write(self, name: str, parameters: dict[str, Any], *, revises: bool) -> list[Row]:
        query = _prepare(self.queries, name, parameters)

        async def work(tx: AsyncManagedTransaction) -> list[Row]:
            transaction = Transaction(tx, self.queries)
            rows = await transaction.send(query, parameters)
            if revises:
                await transaction.revise_if_changed()
            return rows

        async with self._watched(), self._session() as session:
            return await session.execute_write(work)

    async def read_built(self, query: Query, /, **parameters: Any) -> list[Row]:
        """A read put together from fragments of cypher/ (cypher/projections/README.md)."""
        return await self._send(_checked(query, parameters), parameters, RoutingControl.READ)

    async def _send(
        self, query: Query, parameters: dict[str, Any], routing: RoutingControl
    ) -> list[Row]:
        """A read as one auto-commit statement in a read session: one round trip (a managed
        transaction adds a COMMIT, a second round trip, to every read), still routed to a
        follower in a cluster and chained by the same bookmarks. Where Neo4j is lost or
        busy the read is sent again as the driver's managed transaction, retried for as
        long as this process's driver retries."""
        async with self._watched():
            try:
                return await self._read_once(query, parameters)
            except (ServiceUnavailable, SessionExpired, TransientError):
                pass
            result = await self.driver.execute_query(
                query.text, parameters, database_=self.database, routing_=routing
            )
        return [_row(record) for record in result.records]

    async def _read_once(self, query: Query, parameters: dict[str, Any]) -> list[Row]:
        async with self.driver.session(
            database=self.database,
            default_access_mode=neo4j.READ_ACCESS,
            bookmark_manager=self.driver.execute_query_bookmark_manager,
        ) as session:
            result = await session.run(query.text, parameters)
            return [_row(record) async for record in result]

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator["Transaction"]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        async with self._watched(), self._session() as session:
            tx = await session.begin_transaction()
            try:
                transaction = Transaction(tx, self.queries)
                yield transaction
                await transaction.revise_if_changed()
                await tx.commit()
            finally:
                if not tx.closed():
                    await tx.rollback()

    @asynccontextmanager
    async def rehearsal(self) -> AsyncIterator["Transaction"]:
        """A write transaction that is always rolled back: what is written in it is seen
        by the statements run in it and by nothing else (the map as of a past moment,
        service/editing/as_of.py)."""
        async with self._watched(), self._session() as session:
            tx = await session.begin_transaction()
            try:
                yield Transaction(tx, self.queries)
            finally:
                if not tx.closed():
                    await tx.rollback()

    async def delete_in_batches(self, name: str, /, limit: int, **parameters: Any) -> None:
        """Run a deleting statement that takes $limit and returns `deleted`, a transaction
        at a time, until it deletes nothing: a large deletion in bounded memory."""
        while (await self.write(name, limit=limit, **parameters))[0]["deleted"]:
            pass

    async def run_schema(self, statement: str) -> None:
        """A schema statement from a migration file: it takes no parameters, and Neo4j wants
        each in a transaction of its own. IF NOT EXISTS does not hold between two processes
        creating the same index at once: the one that finds it made meanwhile is done too."""
        try:
            async with self._watched():
                await self.driver.execute_query(statement, database_=self.database)
        except ClientError as error:
            if error.code not in _ALREADY_THERE:
                raise

    async def ping(self) -> None:
        """A real read of the map's database: Bolt answers some seconds before the database
        itself does, so connecting alone would report ready too early."""
        await self.read("schema/applied_versions")


class InTransaction(Database):
    """The database as one transaction sees it: every statement, read or write, runs in
    it, and so does a transaction asked for inside it (it is the same one). Used for a
    rehearsal (service/editing/as_of.py): what is written here is rolled back with it."""

    rehearsed = True

    def __init__(self, db: Database, tx: "Transaction") -> None:
        super().__init__(db.driver, db.queries, db.database, probe_timeout_s=db.probe_timeout_s)
        self._tx = tx

    async def read(self, name: str, /, **parameters: Any) -> list[Row]:
        return await self._tx.run(name, **parameters)

    async def read_built(self, query: Query, /, **parameters: Any) -> list[Row]:
        return await self._tx.send(_checked(query, parameters), parameters)

    async def write(self, name: str, /, **parameters: Any) -> list[Row]:
        return await self._tx.run(name, **parameters)

    async def write_aside(self, name: str, /, **parameters: Any) -> list[Row]:
        return await self._tx.run(name, **parameters)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator["Transaction"]:
        yield self._tx

    @asynccontextmanager
    async def rehearsal(self) -> AsyncIterator["Transaction"]:
        yield self._tx


class Transaction:
    """Named statements inside one explicit transaction."""

    def __init__(self, tx: neo4j.AsyncTransaction | AsyncManagedTransaction, queries: Queries):
        self._tx = tx
        self._queries = queries
        self._changed = False

    async def run(self, name: str, /, **parameters: Any) -> list[Row]:
        return await self.send(_prepare(self._queries, name, parameters), parameters)

    async def send(self, query: Query, parameters: dict[str, Any]) -> list[Row]:
        result = await self._tx.run(query.text, parameters)
        rows = [_row(record) async for record in result]
        self._changed = self._changed or (await result.consume()).counters.contains_updates
        return rows

    async def revise_if_changed(self) -> None:
        """Marks the map's revision if any statement so far changed anything."""
        if self._changed:
            await self.send(_prepare(self._queries, "maintenance/revise", {}), {})
            self._changed = False


def batches(rows: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """`rows` in slices of at most `size`, for writes sent a batch per statement."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
