"""Fixed-window rate limiting on the shared cache, e.g. sign-in attempts per e-mail and per IP.

A fixed window costs one atomic INCR per hit and works the same on the memory and Redis
caches; its known cost is that a client can spend up to twice the limit around a window
boundary, which is acceptable for slowing down password guessing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from eventmaestro.kit.cache.base import Cache


@dataclass(frozen=True, slots=True)
class RateLimitResult:
    allowed: bool
    remaining: int
    retry_after: int  # whole seconds, for the Retry-After header; 0 when allowed


class RateLimiter:
    def __init__(self, cache: Cache, *, limit: int, window_seconds: int, namespace: str) -> None:
        if limit < 1 or window_seconds < 1:
            raise ValueError("limit and window_seconds must be at least 1")
        self._cache = cache
        self._limit = limit
        self._window = window_seconds
        self._namespace = namespace

    def _slot(self, key: str) -> str:
        return f"rl:{self._namespace}:{key}"

    async def hit(self, key: str) -> RateLimitResult:
        """Refused attempts are counted too: one INCR decides atomically, where reading the count
        first would let concurrent attempts all pass the check."""
        slot = self._slot(key)
        count = await self._cache.incr(slot, ttl=self._window)
        if count <= self._limit:
            return RateLimitResult(allowed=True, remaining=self._limit - count, retry_after=0)
        left = await self._cache.ttl(slot)
        # None: the window ended between the two calls, so a retry is allowed at once.
        retry_after = max(1, math.ceil(left or 0))
        return RateLimitResult(allowed=False, remaining=0, retry_after=retry_after)

    async def reset(self, key: str) -> None:
        """Forget the count, e.g. after a successful sign-in."""
        await self._cache.delete(self._slot(key))
