"""Per-request state: the database, the settings, and one DataLoader per kind of link, so
every level of a nested selection costs one Cypher query per link kind, not one per row."""

from functools import partial

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from service.config import Settings
from service.db import Database
from service.domain.links import LinkSpec, load_links
from service.domain.records import LinkRecord


class Context(BaseContext):
    def __init__(self, db: Database, settings: Settings) -> None:
        super().__init__()
        self.db = db
        self.settings = settings
        self._loaders: dict[LinkSpec, DataLoader[str, list[LinkRecord]]] = {}

    async def links(self, spec: LinkSpec, node_id: str) -> list[LinkRecord]:
        loader = self._loaders.get(spec)
        if loader is None:
            loader = DataLoader(load_fn=partial(load_links, self.db, spec))
            self._loaders[spec] = loader
        return await loader.load(node_id)
