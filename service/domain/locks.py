"""One asyncio lock per event loop and purpose, for work a process should do one at a
time (computing the stored network ranking, rescoring the whole map's overlaps): the
others wait, then read what the first stored. A lock serves only the loop it was made in,
so each loop (the tests run several) gets its own."""

import asyncio

_locks: dict[tuple[int, str], asyncio.Lock] = {}


def process_lock(purpose: str) -> asyncio.Lock:
    return _locks.setdefault((id(asyncio.get_running_loop()), purpose), asyncio.Lock())
