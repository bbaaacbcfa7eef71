"""Redis cache for distributed mode: every replica shares it, so rate limits and idempotency
records hold across the whole deployment.

Needs Redis 7.0 or later (`PEXPIRE ... NX`).
"""

from __future__ import annotations

from typing import cast

from redis.asyncio import BlockingConnectionPool, Redis
from redis.exceptions import RedisError

from eventmaestro.kit.cache.base import Cache


def _ms(ttl: float) -> int:
    # Redis rejects a zero or negative expiry; the shortest it accepts means "expire now".
    return max(1, round(ttl * 1000))


class RedisCache(Cache):
    """`prefix` namespaces every key, so several apps or test runs can share one database.

    The pool is bounded and blocking: under a burst, requests queue for a connection for up
    to `timeout` seconds instead of opening connections without limit. Commands are not
    retried, because INCRBY and SET NX are not idempotent: replaying one whose reply was lost
    would count twice or report the caller's own claim as taken.
    """

    def __init__(
        self,
        url: str,
        *,
        prefix: str = "maestro:",
        max_connections: int = 50,
        timeout: float = 2.0,
    ) -> None:
        pool = BlockingConnectionPool.from_url(
            url,
            max_connections=max_connections,
            timeout=timeout,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            health_check_interval=30,
        )
        self._redis = Redis.from_pool(pool)
        self._prefix = prefix

    def _k(self, key: str) -> str:
        return self._prefix + key

    async def get(self, key: str) -> bytes | None:
        return cast(bytes | None, await self._redis.get(self._k(key)))

    async def set(self, key: str, value: bytes, *, ttl: float | None = None) -> None:
        await self._redis.set(self._k(key), value, px=None if ttl is None else _ms(ttl))

    async def add(self, key: str, value: bytes, *, ttl: float | None = None) -> bool:
        px = None if ttl is None else _ms(ttl)
        return bool(await self._redis.set(self._k(key), value, px=px, nx=True))

    async def delete(self, key: str) -> None:
        await self._redis.delete(self._k(key))

    async def incr(self, key: str, amount: int = 1, *, ttl: float | None = None) -> int:
        """MULTI/EXEC makes the pair atomic; NX sets the expiry only on a key without one,
        i.e. the one this call created, so later hits never extend the window."""
        if ttl is None:
            return int(await self._redis.incrby(self._k(key), amount))
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incrby(self._k(key), amount)
            pipe.pexpire(self._k(key), _ms(ttl), nx=True)
            value, _ = await pipe.execute()
        return int(value)

    async def ttl(self, key: str) -> float | None:
        remaining = int(await self._redis.pttl(self._k(key)))
        return None if remaining < 0 else remaining / 1000  # -2: absent, -1: no expiry

    async def ping(self) -> bool:
        """False instead of an exception, so readiness checks can report the cache as down."""
        try:
            return bool(await self._redis.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        await self._redis.aclose()
