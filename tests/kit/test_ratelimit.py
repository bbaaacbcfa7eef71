"""The login rate limiter on both cache adapters: what the API turns into 429 + Retry-After."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from eventmaestro.kit.cache import Cache
from eventmaestro.kit.cache.memory import MemoryCache
from eventmaestro.kit.ratelimit import RateLimiter
from tests.kit.test_cache_contract import open_cache


@pytest.fixture(params=["memory", "redis"])
async def cache(request: pytest.FixtureRequest) -> AsyncIterator[Cache]:
    async with open_cache(request.param) as opened:
        yield opened


class TestRateLimiter:
    async def test_refuses_past_the_limit_with_retry_after(self, cache: Cache) -> None:
        limiter = RateLimiter(cache, limit=3, window_seconds=60, namespace="login")
        allowed = [await limiter.hit("email:a@example.com") for _ in range(3)]
        assert [(r.allowed, r.remaining, r.retry_after) for r in allowed] == [
            (True, 2, 0),
            (True, 1, 0),
            (True, 0, 0),
        ]
        refused = await limiter.hit("email:a@example.com")
        assert refused.allowed is False
        assert refused.remaining == 0
        assert 59 <= refused.retry_after <= 60

    async def test_a_new_window_allows_again(self, cache: Cache) -> None:
        limiter = RateLimiter(cache, limit=1, window_seconds=1, namespace="login")
        assert (await limiter.hit("ip:203.0.113.7")).allowed
        refused = await limiter.hit("ip:203.0.113.7")
        assert (refused.allowed, refused.retry_after) == (False, 1)
        await asyncio.sleep(1.05)
        again = await limiter.hit("ip:203.0.113.7")
        assert (again.allowed, again.remaining) == (True, 0)

    async def test_keys_and_namespaces_are_independent(self, cache: Cache) -> None:
        login = RateLimiter(cache, limit=1, window_seconds=60, namespace="login")
        signup = RateLimiter(cache, limit=1, window_seconds=60, namespace="signup")
        assert (await login.hit("ip:1")).allowed
        assert not (await login.hit("ip:1")).allowed
        assert (await login.hit("ip:2")).allowed
        assert (await signup.hit("ip:1")).allowed

    async def test_reset_forgets_the_count(self, cache: Cache) -> None:
        limiter = RateLimiter(cache, limit=2, window_seconds=60, namespace="login")
        for _ in range(3):
            await limiter.hit("email:b@example.com")
        await limiter.reset("email:b@example.com")
        result = await limiter.hit("email:b@example.com")
        assert (result.allowed, result.remaining) == (True, 1)

    async def test_concurrent_attempts_never_exceed_the_limit(self, cache: Cache) -> None:
        limiter = RateLimiter(cache, limit=10, window_seconds=60, namespace="login")
        results = await asyncio.gather(*(limiter.hit("email:c@example.com") for _ in range(50)))
        assert sum(r.allowed for r in results) == 10


@pytest.mark.parametrize(("limit", "window"), [(0, 60), (5, 0)])
def test_rejects_a_limit_or_window_below_one(limit: int, window: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        RateLimiter(MemoryCache(), limit=limit, window_seconds=window, namespace="login")
