"""The process-wide resources of one running Maestro: database, bus, cache, outbox relay.

Built once per process from `Settings`; the API app and the workers share this shape so that
a service runs the same in embedded and distributed mode.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from eventmaestro.kit import clock
from eventmaestro.kit.bus import Bus, create_bus
from eventmaestro.kit.cache import Cache, create_cache
from eventmaestro.kit.db import create_engine, create_sessionmaker
from eventmaestro.kit.outbox import OutboxRelay
from eventmaestro.settings import Settings

READINESS_TIMEOUT = 2.0


@dataclass
class Platform:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    bus: Bus
    cache: Cache
    relay: OutboxRelay
    signing_key: str
    _started: bool = field(default=False, repr=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> Platform:
        signing_key = settings.signing_key()
        engine = create_engine(settings.resolved_database_url, echo=settings.db_echo)
        sessionmaker = create_sessionmaker(engine)
        bus = create_bus(settings.bus_url)
        return cls(
            settings=settings,
            engine=engine,
            sessionmaker=sessionmaker,
            bus=bus,
            cache=create_cache(settings.cache_url),
            relay=OutboxRelay(sessionmaker, bus, poll_interval=settings.outbox_poll_seconds),
            signing_key=signing_key,
        )

    async def start(self) -> None:
        if self.settings.clock_start is not None:
            clock.start_at(self.settings.clock_start)
        await self.bus.connect()
        await self.relay.start()
        self._started = True

    async def close(self) -> None:
        if self._started:
            await self.relay.stop()
        await self.bus.close()
        await self.cache.close()
        await self.engine.dispose()

    async def readiness(self) -> dict[str, Any]:
        """Each dependency's state, checked concurrently and bounded in time."""
        checks = {"database": self._db_ok(), "bus": self.bus.ping(), "cache": self.cache.ping()}
        results = await asyncio.gather(
            *(asyncio.wait_for(c, READINESS_TIMEOUT) for c in checks.values()),
            return_exceptions=True,
        )
        return {name: result is True for name, result in zip(checks, results, strict=True)}

    async def _db_ok(self) -> bool:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        return True
