"""One contract for every cache adapter: the memory cache must behave like Redis, so rate
limits and idempotency proven in embedded mode hold in distributed mode.

`TestCacheContract` runs against both adapters through the `cache` fixture. The other
classes cover what only one adapter has: the memory cache's bound (with an injected clock,
so no sleeping) and Redis key prefixes and outages.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from redis.asyncio import Redis

from eventmaestro.kit.cache import Cache, create_cache
from eventmaestro.kit.cache.memory import MemoryCache
from eventmaestro.kit.cache.redis import RedisCache
from tests.servers import REDIS_URL, require_server

SHORT_TTL = 0.2
PAST_SHORT_TTL = 0.3  # sleep this long to be sure a SHORT_TTL key has expired


async def delete_prefixed(url: str, prefix: str) -> None:
    admin = Redis.from_url(url)
    try:
        keys = [key async for key in admin.scan_iter(match=prefix + "*", count=1000)]
        if keys:
            await admin.delete(*keys)
    finally:
        await admin.aclose()


@asynccontextmanager
async def open_cache(kind: str) -> AsyncIterator[Cache]:
    """A fresh cache; on Redis its keys live under a prefix of their own and are deleted
    afterwards, so tests never see each other's keys nor leave any behind."""
    if kind == "memory":
        memory = MemoryCache()
        try:
            yield memory
        finally:
            await memory.close()
        return
    url = require_server("Redis", REDIS_URL)
    prefix = f"test:{uuid.uuid4().hex}:"
    redis = RedisCache(url, prefix=prefix)
    try:
        yield redis
    finally:
        await redis.close()
        await delete_prefixed(url, prefix)


@pytest.fixture(params=["memory", "redis"])
async def cache(request: pytest.FixtureRequest) -> AsyncIterator[Cache]:
    async with open_cache(request.param) as opened:
        yield opened


class TestCacheContract:
    async def test_get_set_delete(self, cache: Cache) -> None:
        assert await cache.get("k") is None
        await cache.set("k", b"one")
        assert await cache.get("k") == b"one"
        await cache.set("k", b"two")
        assert await cache.get("k") == b"two"
        await cache.delete("k")
        assert await cache.get("k") is None
        await cache.delete("k")  # deleting an absent key is not an error

    async def test_ttl_expires_the_value(self, cache: Cache) -> None:
        await cache.set("k", b"v", ttl=SHORT_TTL)
        assert await cache.get("k") == b"v"
        left = await cache.ttl("k")
        assert left is not None
        assert 0 < left <= SHORT_TTL
        await asyncio.sleep(PAST_SHORT_TTL)
        assert await cache.get("k") is None
        assert await cache.ttl("k") is None

    async def test_ttl_is_none_when_absent_or_persistent(self, cache: Cache) -> None:
        assert await cache.ttl("absent") is None
        await cache.set("k", b"v", ttl=60)
        await cache.set("k", b"v")  # a plain set replaces the expiry too
        assert await cache.ttl("k") is None

    async def test_add_claims_only_an_absent_key(self, cache: Cache) -> None:
        assert await cache.add("lock", b"first", ttl=SHORT_TTL) is True
        assert await cache.add("lock", b"second", ttl=SHORT_TTL) is False
        assert await cache.get("lock") == b"first"
        await asyncio.sleep(PAST_SHORT_TTL)
        assert await cache.add("lock", b"third") is True
        assert await cache.get("lock") == b"third"
        assert await cache.ttl("lock") is None
        await cache.delete("lock")
        assert await cache.add("lock", b"fourth") is True

    async def test_concurrent_add_has_one_winner(self, cache: Cache) -> None:
        wins = await asyncio.gather(*(cache.add("claim", str(i).encode()) for i in range(50)))
        assert wins.count(True) == 1

    async def test_incr_counts_from_zero_by_amount(self, cache: Cache) -> None:
        assert await cache.incr("n") == 1
        assert await cache.incr("n", 5) == 6
        assert await cache.incr("n", -2) == 4
        assert await cache.get("n") == b"4"
        await cache.set("n", b"10")
        assert await cache.incr("n") == 11

    async def test_incr_is_atomic_under_concurrency(self, cache: Cache) -> None:
        results = await asyncio.gather(*(cache.incr("hits", ttl=30) for _ in range(200)))
        assert sorted(results) == list(range(1, 201))
        assert await cache.get("hits") == b"200"
        left = await cache.ttl("hits")
        assert left is not None
        assert 0 < left <= 30

    async def test_incr_ttl_starts_at_creation_and_is_never_extended(self, cache: Cache) -> None:
        window = 0.5
        assert await cache.incr("w", ttl=window) == 1
        await asyncio.sleep(0.25)
        assert await cache.incr("w", ttl=window) == 2
        left = await cache.ttl("w")
        assert left is not None
        assert left <= 0.3  # extended, it would be close to 0.5 again
        await asyncio.sleep(0.3)  # past the first window, inside an extended one
        assert await cache.get("w") is None
        assert await cache.incr("w", ttl=window) == 1

    async def test_incr_ttl_is_applied_to_a_counter_without_expiry(self, cache: Cache) -> None:
        await cache.incr("c")
        assert await cache.ttl("c") is None
        assert await cache.incr("c", ttl=30) == 2
        left = await cache.ttl("c")
        assert left is not None
        assert 29 < left <= 30

    async def test_ping(self, cache: Cache) -> None:
        assert await cache.ping() is True

    async def test_binary_values_and_unicode_keys_round_trip(self, cache: Cache) -> None:
        values = {
            "every byte": bytes(range(256)),
            "not utf-8": b"\xff\xfe\x00\x80",
            "empty": b"",
            "ключ с пробелами: é ✓": "значение".encode(),
        }
        for key, value in values.items():
            await cache.set(key, value)
        for key, value in values.items():
            assert await cache.get(key) == value


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class TestMemoryCache:
    async def test_expiry_follows_the_injected_clock(self) -> None:
        clock = FakeClock()
        cache = MemoryCache(clock=clock)
        await cache.set("k", b"v", ttl=10)
        clock.now += 9.5
        assert await cache.ttl("k") == pytest.approx(0.5)
        clock.now += 0.5
        assert await cache.get("k") is None

    async def test_overflow_drops_expired_entries_before_live_ones(self) -> None:
        clock = FakeClock()
        cache = MemoryCache(max_entries=10, clock=clock)
        for i in range(5):
            await cache.set(f"short{i}", b"v", ttl=1)
        for i in range(5):
            await cache.set(f"live{i}", b"v")
        clock.now += 2
        await cache.set("one more", b"v")
        assert len(cache) == 6
        for key in [f"live{i}" for i in range(5)] + ["one more"]:
            assert await cache.get(key) == b"v"

    async def test_overflow_drops_the_least_recently_written(self) -> None:
        cache = MemoryCache(max_entries=10)
        for i in range(10):
            await cache.set(f"k{i}", b"1")
        await cache.incr("k0")  # a write makes k0 the newest entry
        await cache.set("k10", b"v")
        assert len(cache) == 9  # trimmed below the bound, so the next writes sweep nothing
        for gone in ("k1", "k2"):
            assert await cache.get(gone) is None
        for kept in ["k0", "k10"] + [f"k{i}" for i in range(3, 10)]:
            assert await cache.get(kept) is not None

    async def test_size_stays_bounded(self) -> None:
        cache = MemoryCache(max_entries=100)
        for i in range(10_000):
            await cache.incr(f"ip:{i}", ttl=60)
        assert len(cache) <= 100


class TestRedisCache:
    async def test_prefixes_keep_caches_apart(self) -> None:
        url = require_server("Redis", REDIS_URL)
        async with open_cache("redis") as first, open_cache("redis") as second:
            await first.set("shared name", b"first")
            assert await second.get("shared name") is None
            assert await second.add("shared name", b"second") is True
            assert await first.get("shared name") == b"first"
        admin = Redis.from_url(url)
        try:
            assert [k async for k in admin.scan_iter(match="*shared name")] == []
        finally:
            await admin.aclose()

    async def test_ping_is_false_when_the_server_is_unreachable(self) -> None:
        cache = RedisCache("redis://127.0.0.1:1/0", timeout=0.5)
        try:
            assert await cache.ping() is False
        finally:
            await cache.close()


class TestCreateCache:
    @pytest.mark.parametrize(
        ("url", "adapter"),
        [
            ("memory://", MemoryCache),
            ("redis://127.0.0.1:6379/15", RedisCache),
            ("rediss://cache.example:6380/0", RedisCache),
        ],
    )
    async def test_picks_the_adapter_by_scheme(self, url: str, adapter: type[Cache]) -> None:
        cache = create_cache(url)  # connects lazily, so no server is needed here
        try:
            assert isinstance(cache, adapter)
        finally:
            await cache.close()

    @pytest.mark.parametrize(
        "url", ["postgresql://maestro:s3cret@db/maestro", "localhost:6379", ""]
    )
    def test_rejects_other_urls_without_echoing_them(self, url: str) -> None:
        with pytest.raises(ValueError, match="Unsupported cache URL scheme") as raised:
            create_cache(url)
        assert "s3cret" not in str(raised.value)
        assert "memory://" in str(raised.value)
