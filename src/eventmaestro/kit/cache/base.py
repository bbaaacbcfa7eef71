"""Cache contract: small values with TTLs and atomic counters (rate limits, idempotency).

Adapters: in-process memory and Redis, held to one contract suite
(`tests/kit/test_cache_contract.py`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod


class Cache(ABC):
    @abstractmethod
    async def get(self, key: str) -> bytes | None: ...

    @abstractmethod
    async def set(self, key: str, value: bytes, *, ttl: float | None = None) -> None: ...

    @abstractmethod
    async def add(self, key: str, value: bytes, *, ttl: float | None = None) -> bool:
        """Set only if absent; True when this call created the key (a lock or a claim)."""

    @abstractmethod
    async def delete(self, key: str) -> None: ...

    @abstractmethod
    async def incr(self, key: str, amount: int = 1, *, ttl: float | None = None) -> int:
        """Atomically add to an integer; `ttl` starts when the key is created (fixed window)."""

    @abstractmethod
    async def ttl(self, key: str) -> float | None:
        """Seconds left before the key expires; None when absent or without expiry."""

    @abstractmethod
    async def ping(self) -> bool: ...

    @abstractmethod
    async def close(self) -> None: ...
