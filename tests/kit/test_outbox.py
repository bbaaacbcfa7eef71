"""The outbox on both databases: an event reaches the bus if and only if its transaction
committed, survives a broker outage, and is claimed by a consumer only once.

The two tables are created in a throwaway SQLite file or a throwaway PostgreSQL schema, so
the tests neither need the migrations nor touch anyone else's rows.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import aio_pika
import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from eventmaestro.kit.bus import Bus, BusError, Handler, Message, RequestHandler, Subscription
from eventmaestro.kit.db import create_engine, create_sessionmaker
from eventmaestro.kit.outbox import OutboxRelay, add_event, claim_message
from eventmaestro.kit.outbox_models import OutboxMessage, ProcessedMessage
from tests.kit.test_bus_contract import (
    WAIT,
    Harness,
    MemoryHarness,
    RabbitMQHarness,
    Recorder,
    TcpProxy,
    proxy,
    rabbitmq,
    rabbitmq_bus,
    unique,
    until,
)
from tests.servers import POSTGRES_URL, RABBITMQ_URL, require_server

Sessions = async_sessionmaker[AsyncSession]
__all__ = ["proxy", "rabbitmq"]  # fixtures shared with the bus contract suite


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Sessions]:
    schema = None
    if request.param == "postgresql":
        require_server("PostgreSQL", POSTGRES_URL)
        schema = unique("outbox_test_")
        engine = create_async_engine(
            POSTGRES_URL, connect_args={"server_settings": {"search_path": schema}}
        )
    else:
        engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'outbox.db'}")
    async with engine.begin() as conn:
        if schema is not None:
            await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        for table in (OutboxMessage.__table__, ProcessedMessage.__table__):
            await conn.run_sync(table.create)
    try:
        yield create_sessionmaker(engine)
    finally:
        if schema is not None:
            async with engine.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await engine.dispose()


@pytest.fixture(params=["memory", pytest.param("rabbitmq", marks=pytest.mark.rabbitmq)])
async def harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    built: Harness
    if request.param == "rabbitmq":
        require_server("RabbitMQ", RABBITMQ_URL)
        built = RabbitMQHarness(await aio_pika.connect(RABBITMQ_URL))
    else:
        built = MemoryHarness()
    await built.bus.connect()
    try:
        yield built
    finally:
        await built.close()


class FlakyBus(Bus):
    """Delegates to a real bus, but refuses to publish while `broken`, like a broker that
    is down; records what it published."""

    def __init__(self, inner: Bus) -> None:
        self.inner = inner
        self.broken = False
        self.published: list[Message] = []

    async def connect(self) -> None:
        await self.inner.connect()

    async def close(self) -> None:
        await self.inner.close()

    async def ping(self) -> bool:
        return not self.broken and await self.inner.ping()

    async def publish(self, message: Message) -> None:
        if self.broken:
            raise BusError("broker unreachable")
        await self.inner.publish(message)
        self.published.append(message)

    async def subscribe(
        self, pattern: str, group: str, handler: Handler, *, max_attempts: int = 5
    ) -> Subscription:
        return await self.inner.subscribe(pattern, group, handler, max_attempts=max_attempts)

    async def request(
        self,
        queue: str,
        payload: dict[str, Any],
        *,
        timeout: float,  # noqa: ASYNC109 - the Bus signature
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        return await self.inner.request(queue, payload, timeout=timeout, headers=headers)

    async def serve(
        self, queue: str, handler: RequestHandler, *, prefetch: int = 8
    ) -> Subscription:
        return await self.inner.serve(queue, handler, prefetch=prefetch)


async def outbox_rows(db: Sessions) -> list[OutboxMessage]:
    async with db() as session:
        return list(await session.scalars(select(OutboxMessage)))


async def wait_for_row(db: Sessions, condition: Callable[[OutboxMessage], bool]) -> OutboxMessage:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        rows = await outbox_rows(db)
        if rows and condition(rows[0]):
            return rows[0]
        await asyncio.sleep(0.02)
    pytest.fail("the outbox row never reached the expected state")


async def test_event_of_a_rolled_back_transaction_is_never_delivered(db: Sessions) -> None:
    bus, inbox, root = MemoryHarness.make(), Recorder(), unique("t")
    await bus.connect()
    try:
        await bus.subscribe(f"{root}.#", "audit", inbox)
        async with db() as session:
            add_event(session, f"{root}.event.created", {"n": "rolled back"})
            await session.flush()
            await session.rollback()
        async with db() as session:
            kept = add_event(session, f"{root}.event.created", {"n": "committed"})
            await session.commit()

        relay = OutboxRelay(db, bus)
        assert await relay.relay_once() == 1
        assert await relay.relay_once() == 0
        await until(lambda: len(inbox.messages) == 1)
        await asyncio.sleep(0.1)
        assert [m.id for m in inbox.messages] == [kept.id]
        assert [row.id for row in await outbox_rows(db)] == [uuid.UUID(kept.id)]
    finally:
        await bus.close()


async def test_committed_event_reaches_a_subscriber_without_waiting_for_a_poll(
    db: Sessions, harness: Harness
) -> None:
    root, inbox, org_id = unique("t"), Recorder(), uuid.uuid4()
    await harness.bus.subscribe(f"{root}.#", harness.group(), inbox)
    relay = OutboxRelay(db, harness.bus, poll_interval=60.0)
    await relay.start()
    try:
        await asyncio.sleep(0.1)  # the first, empty pass is over: only a wake-up helps now
        async with db() as session:
            sent = add_event(
                session,
                f"{root}.event.created",
                {"event_id": org_id, "budget": Decimal("1200.50"), "date": date(2027, 5, 4)},
                org_id=org_id,
                headers={"traceparent": "00-abc-01"},
            )
            await session.commit()
        await until(lambda: len(inbox.messages) == 1, within=5.0)
    finally:
        await relay.stop()
    (got,) = inbox.messages
    assert got.id == sent.id
    assert got.payload == {"event_id": str(org_id), "budget": "1200.50", "date": "2027-05-04"}
    assert got.headers == {"traceparent": "00-abc-01", "org-id": str(org_id)}
    (row,) = await outbox_rows(db)
    assert row.published_at is not None
    assert row.org_id == org_id


async def test_event_committed_while_the_bus_fails_is_delivered_once_it_is_back(
    db: Sessions, harness: Harness
) -> None:
    root, inbox = unique("t"), Recorder()
    await harness.bus.subscribe(f"{root}.#", harness.group(), inbox)
    bus = FlakyBus(harness.bus)
    bus.broken = True
    relay = OutboxRelay(db, bus, poll_interval=0.05)
    await relay.start()
    try:
        async with db() as session:
            sent = add_event(session, f"{root}.event.created", {"n": 1})
            await session.commit()
        # The wake-up pass and then the polls fail; the row stays, with the reason.
        failing = await wait_for_row(db, lambda row: row.attempts >= 2)
        assert failing.published_at is None
        assert "broker unreachable" in (failing.last_error or "")
        assert inbox.messages == []

        bus.broken = False
        await until(lambda: len(inbox.messages) == 1)
    finally:
        await relay.stop()
    await asyncio.sleep(0.1)
    assert [m.id for m in inbox.messages] == [sent.id]
    (row,) = await outbox_rows(db)
    assert row.published_at is not None


@pytest.mark.rabbitmq
async def test_event_is_delivered_when_the_broker_connection_drops_right_after_commit(
    db: Sessions, rabbitmq: RabbitMQHarness, proxy: TcpProxy
) -> None:
    root, inbox = unique("t"), Recorder()
    await rabbitmq.bus.subscribe(f"{root}.#", rabbitmq.group(), inbox)
    relay_bus = rabbitmq_bus(proxy.url)
    await relay_bus.connect()
    relay = OutboxRelay(db, relay_bus, poll_interval=0.1)
    await relay.start()
    try:
        async with db() as session:
            sent = add_event(session, f"{root}.event.created", {"n": 1})
            await session.commit()
            # No await between the commit and the cut: the relay has not run yet.
            proxy.drop()
        await until(lambda: len(inbox.messages) >= 1)
    finally:
        await relay.stop()
        await relay_bus.close()
    assert {m.id for m in inbox.messages} == {sent.id}
    (row,) = await outbox_rows(db)
    assert row.published_at is not None


async def test_claim_message_lets_a_consumer_handle_a_message_once(db: Sessions) -> None:
    async with db() as session:
        assert await claim_message(session, "billing", "m1") is True
        assert await claim_message(session, "billing", "m1") is False
        assert await claim_message(session, "audit", "m1") is True
        await session.commit()
    async with db() as session:
        assert await claim_message(session, "billing", "m1") is False
        assert await claim_message(session, "billing", "m2") is True
        await session.rollback()  # the work failed: the claim goes with it
    async with db() as session:
        assert await claim_message(session, "billing", "m2") is True
        await session.commit()


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
async def test_concurrent_relays_publish_each_row_exactly_once(db: Sessions) -> None:
    inner = MemoryHarness.make()
    await inner.connect()
    try:
        async with db() as session:
            sent = [add_event(session, "t.event.created", {"n": n}) for n in range(120)]
            await session.commit()

        class SlowBus(FlakyBus):
            async def publish(self, message: Message) -> None:
                await asyncio.sleep(0.001)  # let the other relay run meanwhile
                await super().publish(message)

        buses = [SlowBus(inner), SlowBus(inner)]
        relays = [OutboxRelay(db, bus, batch_size=10) for bus in buses]

        async def drain(relay: OutboxRelay) -> None:
            while await relay.relay_once():
                pass

        await asyncio.gather(*(drain(relay) for relay in relays))
    finally:
        await inner.close()
    published = Counter(m.id for bus in buses for m in bus.published)
    assert published == Counter(m.id for m in sent)
    assert all(bus.published for bus in buses)
    assert all(row.published_at is not None for row in await outbox_rows(db))
