"""Pick the cache adapter from a URL, so deployment is a setting rather than code."""

from __future__ import annotations

from urllib.parse import urlsplit

from eventmaestro.kit.cache.base import Cache
from eventmaestro.kit.cache.memory import MemoryCache
from eventmaestro.kit.cache.redis import RedisCache


def create_cache(url: str, *, prefix: str = "maestro:") -> Cache:
    """`prefix` only matters for Redis: a memory cache is private to its instance anyway."""
    scheme = urlsplit(url).scheme
    if scheme == "memory":
        return MemoryCache()
    if scheme in {"redis", "rediss"}:
        return RedisCache(url, prefix=prefix)
    # Only the scheme is echoed: the URL may carry a password.
    raise ValueError(
        f"Unsupported cache URL scheme {scheme!r}: use memory:// or redis://host:port/db "
        "(rediss:// for TLS)"
    )
