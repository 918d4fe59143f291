"""Answers that cost much to compute and change only when the map does, kept in this
process under the map's revision (cypher/maintenance/revision.cypher).

Every write that changes anything marks a new revision in its own transaction
(service/db/driver.py), so a kept answer is given only while the map is as it was when the
answer was computed, whichever process or path wrote since. The revision is read before the
answer is computed: a write landing in between leaves the answer kept under the old
revision, which is never asked for again."""

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import orjson

from service.db.driver import Database

T = TypeVar("T")


class Kept(Generic[T]):
    """The last `size` answers, by what was asked, the least recently used dropped first."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._answers: OrderedDict[tuple[str, str], T] = OrderedDict()

    async def answer(self, db: Database, asked: Any, compute: Callable[[], Awaitable[T]]) -> T:
        """The answer to `asked` (what the caller computes from: parameters that orjson
        writes, such as dates), kept or computed by `compute`."""
        if db.rehearsed:  # a past map rebuilt in a transaction (editing/as_of.py)
            return await compute()
        [row] = await db.read("maintenance/revision")
        if row["revision"] is None:  # nothing written yet: nothing to tell maps apart by
            return await compute()
        key = (str(row["revision"]), orjson.dumps(asked, option=orjson.OPT_SORT_KEYS).decode())
        if key in self._answers:
            self._answers.move_to_end(key)
            return self._answers[key]
        answer = await compute()
        self._answers[key] = answer
        while len(self._answers) > self._size:
            self._answers.popitem(last=False)
        return answer
