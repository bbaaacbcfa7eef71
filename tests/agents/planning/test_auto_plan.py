"""`event.created` reaches the Planning agent through the outbox and the bus (both stacks):
with `planning_auto_plan` on, a new dated event gets its plan once, however often the event
is delivered; with it off, nothing is planned."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import func, select

from eventmaestro.agents.planning.agent import agent as planning
from eventmaestro.agents.planning.models import Plan
from eventmaestro.agents.runtime import AgentRuntime
from eventmaestro.kit.bus import Message
from eventmaestro.kit.outbox_models import OutboxMessage, ProcessedMessage
from eventmaestro.kit.platform import Platform
from tests.api.helpers import KAZAN_PARTY, bearer, register

GROUP = "planning.auto_plan"
FUTURE_PARTY = {**KAZAN_PARTY, "date": "2027-06-18"}


@pytest.fixture
async def runtime(clean_platform: Platform) -> AsyncIterator[AgentRuntime]:
    served = AgentRuntime(clean_platform, [planning])
    await served.start()
    try:
        yield served
    finally:
        await served.stop()


async def _claimed(platform: Platform) -> int:
    async with platform.sessionmaker() as session:
        query = select(func.count()).where(ProcessedMessage.consumer == GROUP)
        return int(await session.scalar(query) or 0)


async def _plans(platform: Platform, event_id: str) -> int:
    async with platform.sessionmaker() as session:
        query = select(func.count()).where(Plan.event_id == uuid.UUID(event_id))
        return int(await session.scalar(query) or 0)


async def _wait_for(platform: Platform, claims: int, within: float = 15.0) -> None:
    """Until this test's `event.created` messages were handled. Counting claims alone would
    not do: the durable group queue may still hold events of earlier tests, which the
    listener claims (harmlessly) first."""
    deadline = time.monotonic() + within
    while True:
        async with platform.sessionmaker() as session:
            ours = select(OutboxMessage.id).where(OutboxMessage.topic == "event.created")
            ids = [str(i) for i in (await session.scalars(ours)).all()]
            handled = select(func.count()).where(
                ProcessedMessage.consumer == GROUP, ProcessedMessage.message_id.in_(ids)
            )
            if len(ids) >= claims and (await session.scalar(handled) or 0) >= claims:
                return
        assert time.monotonic() < deadline, "event.created never reached the Planning agent"
        platform.relay.wake()
        await asyncio.sleep(0.05)


async def test_a_new_event_gets_its_plan_once(
    client: httpx.AsyncClient, clean_platform: Platform, runtime: AgentRuntime
) -> None:
    clean_platform.settings = clean_platform.settings.model_copy(
        update={"planning_auto_plan": True}
    )
    token = (await register(client))["access_token"]
    created = await client.post("/api/v1/events", json=FUTURE_PARTY, headers=bearer(token))
    assert created.status_code == 201, created.text
    event_id = created.json()["id"]
    await _wait_for(clean_platform, 1)

    tasks = await client.get(f"/api/v1/planning/events/{event_id}/tasks", headers=bearer(token))
    assert tasks.status_code == 200, tasks.text
    assert len(tasks.json()) > 20
    assert await _plans(clean_platform, event_id) == 1

    # The same event delivered again (a redelivery after a lost ack) plans nothing more,
    # while a new message about it would: the claim, not luck, is what stops the duplicate.
    async with clean_platform.sessionmaker() as session:
        row = (
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.topic == "event.created")
            )
        ).one()
    original = Message(topic=row.topic, payload=row.payload, id=str(row.id), headers=row.headers)
    await runtime.deliver(GROUP, planning.listeners["auto_plan"], original)
    assert await _plans(clean_platform, event_id) == 1
    claimed = await _claimed(clean_platform)
    fresh = Message(topic=row.topic, payload=row.payload, headers=row.headers)
    await runtime.deliver(GROUP, planning.listeners["auto_plan"], fresh)
    assert await _claimed(clean_platform) == claimed + 1
    # A second plan for the event replaces the first (the planning service keeps one).
    assert await _plans(clean_platform, event_id) == 1


async def test_with_auto_plan_off_nothing_is_planned(
    client: httpx.AsyncClient, clean_platform: Platform, runtime: AgentRuntime
) -> None:
    token = (await register(client))["access_token"]
    created = await client.post("/api/v1/events", json=FUTURE_PARTY, headers=bearer(token))
    await _wait_for(clean_platform, 1)
    assert await _plans(clean_platform, created.json()["id"]) == 0


async def test_an_event_without_a_date_waits(
    client: httpx.AsyncClient, clean_platform: Platform, runtime: AgentRuntime
) -> None:
    clean_platform.settings = clean_platform.settings.model_copy(
        update={"planning_auto_plan": True}
    )
    token = (await register(client))["access_token"]
    undated = {k: v for k, v in FUTURE_PARTY.items() if k not in {"date"}}
    created = await client.post("/api/v1/events", json=undated, headers=bearer(token))
    assert created.status_code == 201, created.text
    await _wait_for(clean_platform, 1)
    assert await _plans(clean_platform, created.json()["id"]) == 0
