"""Per-request state: the database, the settings, the editor behind the request's API key
(looked up only when a mutation asks), and one DataLoader for links of every kind, so every
level of a nested selection costs one Cypher query, not one per row or per kind of link."""

import asyncio
from abc import ABC, abstractmethod
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from service.api.deps import request_editor, signs
from service.api.graphql.projection import Plan
from service.config import Settings
from service.db.driver import Database
from service.domain.links import LinkSpec, load_links
from service.domain.records import LinkRecord
from service.domain.seen import Sighting, sightings
from service.editing.keys import NOT_ACCEPTED, Editor, authenticate
from service.errors import Forbidden, Unauthenticated

T = TypeVar("T")


class Context(BaseContext):
    def __init__(self, db: Database, settings: Settings) -> None:
        super().__init__()
        self.db = db
        self.settings = settings
        self._links = LinkBatcher(db)
        self.projections = ProjectionBatcher(db)
        # Where imports saw facts (seen.py), by (node, fact), a level at a time.
        self.seen: DataLoader[tuple[str, str], list[Sighting]] = DataLoader(
            load_fn=lambda facts: sightings(db, list(facts))
        )
        self._editor: Editor | None = None

    def fresh(self) -> "Context":
        """The same request's context with nothing loaded yet, so a second run of a query
        loads (and counts) what a first run would."""
        again = Context(self.db, self.settings)
        again.request, again.response = self.request, self.response
        again.background_tasks = self.background_tasks
        again._editor = self._editor
        return again

    def _sent_key(self) -> str | None:
        """The key a WebSocket sent in its connection_init payload, as `Authorization:
        Bearer ...` (a browser cannot set headers on a WebSocket)."""
        params = self.connection_params
        if not isinstance(params, dict):
            return None
        value = params.get("Authorization", params.get("authorization"))
        return value if isinstance(value, str) else None

    async def editor(self) -> Editor:
        """Who is writing; Unauthenticated without an accepted key or session."""
        if self._editor is None:
            sent = self._sent_key()
            if sent is not None:
                self._editor = await authenticate(self.db, sent)
            elif self.request is None:
                raise Unauthenticated(NOT_ACCEPTED)
            else:
                self._editor = await request_editor(self.db, self.request)
        return self._editor

    async def reader(self) -> Editor | None:
        """Who is reading, if the request carries an accepted key or session; reading needs
        none, so a missing or refused one reads as the public."""
        if self._sent_key() is None and (self.request is None or not signs(self.request)):
            return None
        try:
            return await self.editor()
        except (Unauthenticated, Forbidden):
            # A session's read without its CSRF token, or from another site, reads as the
            # public's (a cross-site page cannot read the answer anyway).
            return None

    async def links(self, spec: LinkSpec, node_id: str) -> list[LinkRecord]:
        return await self._links.load(spec, node_id)


class _LevelBatcher(ABC):
    """What the fields of one level of a selection ask for, sent together.

    Strawberry's DataLoader dispatches after two turns of the event loop, and fields of one
    level reach their loads a few turns apart (the deeper their resolvers' awaits), so one
    level could cost several queries; a batcher waits TURNS turns (microseconds) before it
    sends what has gathered."""

    TURNS = 8

    @staticmethod
    async def _wait(future: "asyncio.Future[T]") -> T:
        """A load's answer. Several fields may wait on one future, and graphql-core cancels
        the resolvers of a level whose non-null sibling failed: shielded, a cancelled waiter
        leaves the future to the others instead of cancelling it under them."""
        return await asyncio.shield(future)

    @staticmethod
    def _settle(future: "asyncio.Future[T]", answer: T | BaseException) -> None:
        """Gives a load its answer, unless nobody waits for it any more."""
        if future.done():
            return
        if isinstance(answer, BaseException):
            future.set_exception(answer)
        else:
            future.set_result(answer)

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def _dispatch_soon(self) -> None:
        """Sends what has gathered once TURNS turns have passed; called by the first load
        of a level."""
        task = asyncio.create_task(self._after_turns())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _after_turns(self) -> None:
        for _ in range(self.TURNS):
            await asyncio.sleep(0)
        await self._dispatch()

    @abstractmethod
    async def _dispatch(self) -> None:
        """Sends what the level gathered and settles each load's future."""


class LinkBatcher(_LevelBatcher):
    """Every link a level of the selection asks for, of any kind, loaded in one query.
    Each (spec, id) is loaded once per request."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self._known: dict[tuple[LinkSpec, str], asyncio.Future[list[LinkRecord]]] = {}
        self._pending: list[tuple[LinkSpec, str]] = []

    async def load(self, spec: LinkSpec, node_id: str) -> list[LinkRecord]:
        key = (spec, node_id)
        if key not in self._known:
            self._known[key] = asyncio.get_running_loop().create_future()
            self._pending.append(key)
            if len(self._pending) == 1:
                self._dispatch_soon()
        return await self._wait(self._known[key])

    async def _dispatch(self) -> None:
        wanted, self._pending = self._pending, []
        try:
            found = await load_links(self.db, wanted)
        except Exception as error:  # every waiting resolver gets the error
            for key in wanted:
                self._settle(self._known.pop(key), error)
            return
        for key, links in zip(wanted, found, strict=True):
            self._settle(self._known[key], links)


class ProjectionBatcher(_LevelBatcher):
    """Compiled selections (projection.py) asked for record by record, answered for every
    record of a level in one statement per selection, as LinkBatcher does for links."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self._known: dict[tuple[int, str], asyncio.Future[dict[str, Any] | None]] = {}
        self._pending: dict[int, tuple[Plan, list[str]]] = {}

    async def load(self, plan: Plan, node_id: str) -> dict[str, Any] | None:
        """The record's answer; None if the map holds no such record."""
        key = (id(plan), node_id)
        if key not in self._known:
            self._known[key] = asyncio.get_running_loop().create_future()
            if not self._pending:
                self._dispatch_soon()
            self._pending.setdefault(id(plan), (plan, []))[1].append(node_id)
        return await self._wait(self._known[key])

    async def _dispatch(self) -> None:
        wanted, self._pending = self._pending, {}
        for plan, ids in wanted.values():
            try:
                rows = await self.db.read_built(plan.query, **plan.parameters(ids))
            except Exception as error:  # every waiting field gets the error
                for node_id in ids:
                    self._settle(self._known[(id(plan), node_id)], error)
                continue
            found = {row["id"]: row["answer"] for row in rows}
            for node_id in ids:
                answer = found.get(node_id)
                self._settle(
                    self._known[(id(plan), node_id)],
                    None if answer is None else plan.shape.build(answer),
                )
