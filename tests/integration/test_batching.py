"""The per-request batchers (service/api/graphql/context.py) when a waiting field goes away:
graphql-core cancels the resolvers of a level whose non-null sibling failed, and another
field may be waiting for the very same load."""

import asyncio
from typing import Any

from service.api.graphql.context import LinkBatcher
from service.config import Settings
from service.db.driver import Database
from service.domain.links import LinkSpec
from tests.conftest import run_db

MEMBERSHIPS = LinkSpec(("MEMBER_OF",), "out")


def test_a_cancelled_field_leaves_the_shared_load_to_the_others(seeded: Settings) -> None:
    async def work(db: Database) -> tuple[list[Any], list[dict[str, Any]]]:
        faults: list[dict[str, Any]] = []
        asyncio.get_running_loop().set_exception_handler(lambda _loop, c: faults.append(c))
        batcher = LinkBatcher(db)
        gone = asyncio.create_task(batcher.load(MEMBERSHIPS, "organization:ilo"))
        staying = asyncio.create_task(batcher.load(MEMBERSHIPS, "organization:ilo"))
        await asyncio.sleep(0)  # both wait on the one load
        gone.cancel()
        links = await staying
        await asyncio.sleep(0.05)  # the dispatch has settled everything it will
        return links, faults

    links, faults = run_db(seeded, work)
    assert links, "the field still waiting got the ILO's memberships"
    assert all(link.type == "MEMBER_OF" for link in links)
    assert faults == [], "settling a load nobody waits for raised in the background"


def test_a_load_asked_again_after_its_waiter_was_cancelled_still_answers(
    seeded: Settings,
) -> None:
    async def work(db: Database) -> list[Any]:
        batcher = LinkBatcher(db)
        gone = asyncio.create_task(batcher.load(MEMBERSHIPS, "organization:ilo"))
        await asyncio.sleep(0)
        gone.cancel()
        return await batcher.load(MEMBERSHIPS, "organization:ilo")

    assert run_db(seeded, work)
