"""In-process cache for embedded mode.

Everything runs on one event loop and no method awaits while touching the dict, so each
operation is atomic without a lock. The dict is bounded because keys come from user input
(sign-in e-mails, client IPs, idempotency keys) and expired entries are only dropped when
touched: without a bound a long-running process would grow forever.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from eventmaestro.kit.cache.base import Cache

_Entry = tuple[bytes, float | None]  # value, monotonic expiry (None: never)


class MemoryCache(Cache):
    """`clock` is injectable so tests can move time without sleeping; it must be monotonic,
    because a wall clock stepping back would stretch every TTL."""

    def __init__(
        self, *, max_entries: int = 100_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self._data: OrderedDict[str, _Entry] = OrderedDict()
        self._max_entries = max_entries
        # Overflow trims down to this mark rather than to the limit, so the O(n) sweep for
        # expired entries runs once per many writes instead of on every write when full.
        self._low_water = max_entries - max_entries // 10
        self._clock = clock

    def __len__(self) -> int:
        return len(self._data)

    def _live(self, key: str) -> _Entry | None:
        entry = self._data.get(key)
        if entry is None:
            return None
        expires = entry[1]
        if expires is not None and expires <= self._clock():
            del self._data[key]
            return None
        return entry

    def _expiry(self, ttl: float | None) -> float | None:
        return None if ttl is None else self._clock() + ttl

    def _store(self, key: str, value: bytes, expires: float | None) -> None:
        self._data[key] = (value, expires)
        self._data.move_to_end(key)
        if len(self._data) > self._max_entries:
            self._evict()

    def _evict(self) -> None:
        now = self._clock()
        expired = [k for k, (_, exp) in self._data.items() if exp is not None and exp <= now]
        for key in expired:
            del self._data[key]
        while len(self._data) > self._low_water:
            self._data.popitem(last=False)  # least recently written first

    async def get(self, key: str) -> bytes | None:
        entry = self._live(key)
        return None if entry is None else entry[0]

    async def set(self, key: str, value: bytes, *, ttl: float | None = None) -> None:
        self._store(key, value, self._expiry(ttl))

    async def add(self, key: str, value: bytes, *, ttl: float | None = None) -> bool:
        if self._live(key) is not None:
            return False
        self._store(key, value, self._expiry(ttl))
        return True

    async def delete(self, key: str) -> None:
        self._data.pop(key, None)

    async def incr(self, key: str, amount: int = 1, *, ttl: float | None = None) -> int:
        """Like the Redis adapter, a `ttl` is also applied to an existing key that has no
        expiry, so a counter can never be left without one (a permanent lock-out)."""
        entry = self._live(key)
        if entry is None:
            value, expires = amount, self._expiry(ttl)
        else:
            value = int(entry[0]) + amount
            expires = entry[1] if entry[1] is not None else self._expiry(ttl)
        self._store(key, str(value).encode(), expires)
        return value

    async def ttl(self, key: str) -> float | None:
        entry = self._live(key)
        if entry is None or entry[1] is None:
            return None
        return entry[1] - self._clock()

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        self._data.clear()
