"""Per-request state: the database, the settings, the editor behind the request's API key
(looked up only when a mutation asks), and one DataLoader per kind of link, so every level
of a nested selection costs one Cypher query per link kind, not one per row."""

from functools import partial

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from service.config import Settings
from service.db.driver import Database
from service.domain.links import LinkSpec, load_links
from service.domain.records import LinkRecord
from service.editing.keys import Editor, authenticate
from service.errors import Unauthenticated


class Context(BaseContext):
    def __init__(self, db: Database, settings: Settings) -> None:
        super().__init__()
        self.db = db
        self.settings = settings
        self._loaders: dict[LinkSpec, DataLoader[str, list[LinkRecord]]] = {}
        self._editor: Editor | None = None

    async def editor(self) -> Editor:
        """Who is writing; Unauthenticated without an accepted key."""
        if self._editor is None:
            header = self.request.headers.get("authorization") if self.request else None
            self._editor = await authenticate(self.db, header)
        return self._editor

    async def reader(self) -> Editor | None:
        """Who is reading, if the request carries an accepted key; reading needs none, so a
        missing or refused key reads as the public."""
        header = self.request.headers.get("authorization") if self.request else None
        if header is None:
            return None
        try:
            return await self.editor()
        except Unauthenticated:
            return None

    async def links(self, spec: LinkSpec, node_id: str) -> list[LinkRecord]:
        loader = self._loaders.get(spec)
        if loader is None:
            loader = DataLoader(load_fn=partial(load_links, self.db, spec))
            self._loaders[spec] = loader
        return await loader.load(node_id)
