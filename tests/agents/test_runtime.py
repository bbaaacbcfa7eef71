"""The agent contract on both stacks: typed skills over the bus, deadlines, failures that
become readable results, and redelivered tasks that write nothing twice."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from eventmaestro.accounts.models import Organization
from eventmaestro.agents.base import (
    Agent,
    AgentContext,
    AgentTask,
    ResultStatus,
    RunContext,
    SkillOutcome,
)
from eventmaestro.agents.runtime import AgentRuntime, invoke
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.errors import NotFoundError
from eventmaestro.kit.outbox import add_event
from eventmaestro.kit.outbox_models import OutboxMessage, ProcessedMessage
from eventmaestro.kit.platform import Platform


class Greeting(BaseModel):
    name: str = Field(min_length=1)
    pause: float = 0.0


class Reply(BaseModel):
    text: str


probe = Agent("probe", "A test agent with one skill per behaviour")


@probe.skill("greet", input=Greeting, output=Reply)
async def greet(ctx: RunContext, data: Greeting) -> SkillOutcome[Reply]:
    """Writes a domain event, so that running twice would show."""
    add_event(ctx.session, "probe.greeted", {"name": data.name}, org_id=ctx.context.org_id)
    await ctx.session.flush()
    await asyncio.sleep(data.pause)
    greeting = "Привет" if ctx.context.locale == "ru" else "Hello"
    return SkillOutcome(Reply(text=f"{greeting}, {data.name}!"), summary="greeted")


@probe.skill("claim", input=Greeting, output=Reply)
async def claim(ctx: RunContext, data: Greeting) -> SkillOutcome[Reply]:
    """Writes a row keyed by the task, so a twin of the task collides inside the handler."""
    ctx.session.add(ProcessedMessage(consumer="probe.claim", message_id=ctx.task.id))
    await ctx.session.flush()
    await asyncio.sleep(data.pause)
    return SkillOutcome(Reply(text=f"claimed for {data.name}"))


@probe.skill("crash", input=Greeting, output=Reply)
async def crash(ctx: RunContext, data: Greeting) -> SkillOutcome[Reply]:
    add_event(ctx.session, "probe.crashed", {}, org_id=ctx.context.org_id)
    raise RuntimeError("the handler is broken")


@probe.skill("missing", input=Greeting, output=Reply)
async def missing(ctx: RunContext, data: Greeting) -> SkillOutcome[Reply]:
    raise NotFoundError(f"No guest called {data.name}")


@pytest.fixture
async def runtime(clean_platform: Platform) -> AsyncIterator[AgentRuntime]:
    # A fresh queue name per test keeps RabbitMQ runs independent of each other.
    agent = Agent(f"probe-{uuid.uuid4().hex[:8]}", probe.description)
    agent.skills = probe.skills
    served = AgentRuntime(clean_platform, [agent])
    await served.start()
    try:
        yield served
    finally:
        await served.stop()
        await _delete_queue(clean_platform, agent.queue)


async def _delete_queue(platform: Platform, queue: str) -> None:
    from eventmaestro.kit.bus.rabbitmq import RabbitMQBus

    if isinstance(platform.bus, RabbitMQBus):
        channel = await platform.bus.connection.channel()
        await channel.queue_delete(queue)
        await channel.close()


@pytest.fixture
async def org_id(clean_platform: Platform) -> uuid.UUID:
    async with clean_platform.sessionmaker() as session:
        org = Organization(name="Probe", slug=f"probe-{uuid.uuid4().hex[:6]}")
        session.add(org)
        await session.commit()
        return org.id


def task_for(
    runtime: AgentRuntime,
    org_id: uuid.UUID,
    skill: str,
    payload: dict[str, object],
    *,
    seconds: float = 5.0,
    locale: str = "ru",
) -> AgentTask:
    (agent,) = runtime.agents
    return AgentTask(
        agent=agent,
        skill=skill,
        input=payload,
        context=AgentContext(org_id=org_id, now=utcnow(), locale=locale),  # type: ignore[arg-type]
        deadline=utcnow() + timedelta(seconds=seconds),
    )


async def outbox_count(platform: Platform) -> int:
    async with platform.sessionmaker() as session:
        return int(await session.scalar(select(func.count(OutboxMessage.id))) or 0)


async def test_skill_answers_over_the_bus(
    runtime: AgentRuntime, org_id: uuid.UUID, clean_platform: Platform
) -> None:
    result = await invoke(clean_platform.bus, task_for(runtime, org_id, "greet", {"name": "Анна"}))
    assert result.status is ResultStatus.OK, result.error
    assert result.output == {"text": "Привет, Анна!"}
    assert result.summary == "greeted"
    assert result.duration_ms > 0
    english = await invoke(
        clean_platform.bus, task_for(runtime, org_id, "greet", {"name": "Ann"}, locale="en")
    )
    assert english.output == {"text": "Hello, Ann!"}


async def test_redelivered_task_returns_the_stored_result_and_writes_once(
    runtime: AgentRuntime, org_id: uuid.UUID, clean_platform: Platform
) -> None:
    task = task_for(runtime, org_id, "greet", {"name": "Анна"})
    first = await invoke(clean_platform.bus, task)
    again = await invoke(clean_platform.bus, task)
    (agent,) = runtime.agents.values()
    direct = await runtime.run(agent, task.model_dump(mode="json"), attempt=2)
    assert first == again == direct
    assert await outbox_count(clean_platform) == 1


async def test_concurrent_duplicates_write_once(
    runtime: AgentRuntime, org_id: uuid.UUID, clean_platform: Platform
) -> None:
    task = task_for(runtime, org_id, "greet", {"name": "Анна", "pause": 0.2})
    (agent,) = runtime.agents.values()
    results = await asyncio.gather(
        *(runtime.run(agent, task.model_dump(mode="json")) for _ in range(3))
    )
    assert {r.output["text"] for r in results if r.output} == {"Привет, Анна!"}
    assert await outbox_count(clean_platform) == 1


async def test_a_twin_colliding_inside_the_handler_answers_with_the_winners_result(
    runtime: AgentRuntime, org_id: uuid.UUID, clean_platform: Platform
) -> None:
    """A retry of a task the first worker is still committing: the second run trips over
    the first one's rows, and once the first commits, its result is the answer."""
    task = task_for(runtime, org_id, "claim", {"name": "Анна", "pause": 0.3})
    (agent,) = runtime.agents.values()
    results = await asyncio.gather(
        *(runtime.run(agent, task.model_dump(mode="json")) for _ in range(2))
    )
    assert [r.status for r in results] == [ResultStatus.OK, ResultStatus.OK], results
    assert results[0] == results[1]
    async with clean_platform.sessionmaker() as session:
        claims = await session.scalar(select(func.count()).select_from(ProcessedMessage))
    assert claims == 1


async def test_failures_become_readable_results_and_roll_back(
    runtime: AgentRuntime, org_id: uuid.UUID, clean_platform: Platform
) -> None:
    crashed = await invoke(clean_platform.bus, task_for(runtime, org_id, "crash", {"name": "x"}))
    assert crashed.status is ResultStatus.FAILED
    assert crashed.error is not None
    assert "failed unexpectedly" in crashed.error
    assert await outbox_count(clean_platform) == 0

    refused = await invoke(clean_platform.bus, task_for(runtime, org_id, "missing", {"name": "Ив"}))
    assert refused.error == "No guest called Ив"

    invalid = await invoke(clean_platform.bus, task_for(runtime, org_id, "greet", {"name": ""}))
    assert invalid.status is ResultStatus.FAILED
    assert invalid.error is not None
    assert "name" in invalid.error

    unknown = await invoke(clean_platform.bus, task_for(runtime, org_id, "dance", {}))
    assert unknown.error is not None
    assert "has no skill 'dance'" in unknown.error


async def test_deadline_is_enforced_and_nothing_is_written(
    runtime: AgentRuntime, org_id: uuid.UUID, clean_platform: Platform
) -> None:
    task = task_for(runtime, org_id, "greet", {"name": "Анна", "pause": 5}, seconds=0.5)
    started = asyncio.get_running_loop().time()
    result = await invoke(clean_platform.bus, task)
    elapsed = asyncio.get_running_loop().time() - started
    assert result.status is ResultStatus.FAILED
    assert elapsed < 1.5
    await asyncio.sleep(0.2)
    assert await outbox_count(clean_platform) == 0


async def test_an_agent_nobody_serves_times_out_cleanly(
    org_id: uuid.UUID, clean_platform: Platform
) -> None:
    task = AgentTask(
        agent=f"absent-{uuid.uuid4().hex[:6]}",
        skill="anything",
        input={},
        context=AgentContext(org_id=org_id, now=utcnow()),
        deadline=utcnow() + timedelta(seconds=0.3),
    )
    result = await invoke(clean_platform.bus, task)
    assert result.status is ResultStatus.FAILED
    assert result.error is not None
    assert "did not answer" in result.error
    await _delete_queue(clean_platform, f"agent.{task.agent}")
