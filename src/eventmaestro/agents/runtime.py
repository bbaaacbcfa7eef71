"""Running skills: the worker side (serve an agent's queue) and the caller side (invoke).

Guarantees the agent contract makes to Maestro:
- A task is validated against its skill's input schema before the handler runs.
- The handler runs inside the task's deadline and inside one transaction; the result is
  stored in that same transaction, keyed by task id. A redelivered task (a worker died after
  committing but before acknowledging) answers with the stored result and writes nothing;
  so does a task that collides with its own twin still running elsewhere (a redelivery, or
  Maestro's retry of a task the first worker was still committing) once the twin commits.
- Every failure becomes an `AgentResult` with status `failed` and a reason a person can read;
  nothing escapes to the bus as an exception.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.agents.base import (
    Agent,
    AgentResult,
    AgentTask,
    EventContext,
    FailureKind,
    Listener,
    ResultStatus,
    RunContext,
    Skill,
)
from eventmaestro.agents.models import AgentTaskResult
from eventmaestro.kit.bus import Bus, BusError, Message, RemoteHandlerError, Subscription
from eventmaestro.kit.bus.base import Handler, RequestHandler, RequestTimeoutError
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.errors import MaestroError
from eventmaestro.kit.logging import get_logger
from eventmaestro.kit.outbox import claim_message
from eventmaestro.kit.platform import Platform
from eventmaestro.models import import_all_models

if TYPE_CHECKING:
    from eventmaestro.llm.gateway import LLMGateway

log = get_logger("maestro.agents")

# Answered by the runtime itself, never by a handler: proves the agent's queue is served.
PING_SKILL = "_ping"


def _failed(task: AgentTask, kind: FailureKind, reason: str, started: float) -> AgentResult:
    return AgentResult(
        task_id=task.id,
        agent=task.agent,
        skill=task.skill,
        status=ResultStatus.FAILED,
        error=reason,
        failure=kind,
        duration_ms=(time.perf_counter() - started) * 1000,
    )


class AgentRuntime:
    """Serves a set of agents on the bus, each on its own durable queue."""

    def __init__(
        self,
        platform: Platform,
        agents: Iterable[Agent],
        *,
        prefetch: int = 8,
        llm: LLMGateway | None = None,
    ):
        # A worker process imports only its agents' code, yet their rows reference other
        # domains' tables (events, organisations): the mapper needs every table declared.
        import_all_models()
        self.platform = platform
        self.agents = {agent.name: agent for agent in agents}
        self.prefetch = prefetch
        self.llm = llm
        self._owns_llm = llm is None
        self._subscriptions: list[Subscription] = []

    async def start(self) -> None:
        if self.llm is None:
            from eventmaestro.llm.runtime import gateway_for

            self.llm = gateway_for(self.platform)
        for agent in self.agents.values():
            subscription = await self.platform.bus.serve(
                agent.queue, self._handler_for(agent), prefetch=self.prefetch
            )
            self._subscriptions.append(subscription)
            for listener in agent.listeners.values():
                group = f"{agent.name}.{listener.name}"
                subscription = await self.platform.bus.subscribe(
                    listener.pattern, group, self._listener_for(group, listener)
                )
                self._subscriptions.append(subscription)

    async def stop(self) -> None:
        subscriptions, self._subscriptions = self._subscriptions, []
        for subscription in subscriptions:
            await subscription.cancel()
        if self._owns_llm and self.llm is not None:
            await self.llm.close()
            self.llm = None

    def _handler_for(self, agent: Agent) -> RequestHandler:
        async def handle(message: Message) -> dict[str, Any]:
            result = await self.run(agent, message.payload, attempt=message.attempt)
            return result.model_dump(mode="json")

        return handle

    def _listener_for(self, group: str, listener: Listener) -> Handler:
        async def handle(message: Message) -> None:
            await self.deliver(group, listener, message)

        return handle

    async def deliver(self, group: str, listener: Listener, message: Message) -> None:
        """Run a listener once per message id: the claim and the listener's writes commit
        together, so a redelivered event finds the claim and is skipped. An exception rolls
        both back and the bus delivers the event again (then dead-letters it)."""
        async with self.platform.sessionmaker() as session:
            if not await claim_message(session, group, message.id):
                return
            await listener.handler(EventContext(message, session, self.platform.settings))
            await session.commit()

    async def run(self, agent: Agent, payload: dict[str, Any], *, attempt: int = 1) -> AgentResult:
        started = time.perf_counter()
        try:
            task = AgentTask.model_validate(payload)
        except ValidationError as exc:
            return AgentResult(
                task_id=str(payload.get("id", "")),
                agent=agent.name,
                skill=str(payload.get("skill", "")),
                status=ResultStatus.FAILED,
                failure=FailureKind.MALFORMED,
                error=f"Malformed task: {exc.error_count()} problem(s): {exc.errors()[0]['msg']}",
            )
        task = task.model_copy(update={"attempt": attempt})
        if task.skill == PING_SKILL:
            return AgentResult(
                task_id=task.id,
                agent=agent.name,
                skill=PING_SKILL,
                status=ResultStatus.OK,
                output={"skills": sorted(agent.skills)},
                duration_ms=(time.perf_counter() - started) * 1000,
            )
        skill = agent.skills.get(task.skill)
        if skill is None:
            return _failed(
                task,
                FailureKind.UNKNOWN_SKILL,
                f"Agent {agent.name!r} has no skill {task.skill!r}",
                started,
            )
        remaining = (task.deadline - utcnow()).total_seconds()
        if remaining <= 0:
            return _failed(
                task, FailureKind.LATE, "The deadline passed before the task started", started
            )
        async with self.platform.sessionmaker() as session:
            stored = await _stored_result(session, task.id)
            if stored is not None:
                return stored
            return await self._execute(session, skill, task, remaining, started)

    async def _execute(
        self,
        session: AsyncSession,
        skill: Skill[Any, Any],
        task: AgentTask,
        remaining: float,
        started: float,
    ) -> AgentResult:
        try:
            data = skill.input_model.model_validate(task.input)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'input'}: {e['msg']}" for e in exc.errors()
            )
            return _failed(
                task,
                FailureKind.INVALID_INPUT,
                f"Invalid input for {task.agent}.{task.skill}: {problems}",
                started,
            )
        context = RunContext(
            task=task,
            session=session,
            bus=self.platform.bus,
            cache=self.platform.cache,
            llm=self.llm,
        )
        try:
            async with asyncio.timeout(remaining):
                outcome = await skill.handler(context, data)
        except TimeoutError:
            await session.rollback()
            return _failed(
                task, FailureKind.LATE, f"{task.agent}.{task.skill} ran past its deadline", started
            )
        except MaestroError as exc:
            await session.rollback()
            return await _stored_result(session, task.id) or _failed(
                task, FailureKind.REJECTED, exc.detail, started
            )
        except Exception:
            await session.rollback()
            # The same task running elsewhere (a redelivery, or a retry while the first
            # attempt was still committing) collides with its own rows; once that twin has
            # committed, its result is this task's result.
            stored = await _stored_result(session, task.id)
            if stored is not None:
                return stored
            log.exception("skill_crashed", agent=task.agent, skill=task.skill, task_id=task.id)
            return _failed(
                task, FailureKind.CRASHED, f"{task.agent}.{task.skill} failed unexpectedly", started
            )
        result = AgentResult(
            task_id=task.id,
            agent=task.agent,
            skill=task.skill,
            status=outcome.status,
            output=outcome.output.model_dump(mode="json"),
            summary=outcome.summary,
            warnings=list(outcome.warnings),
            duration_ms=(time.perf_counter() - started) * 1000,
        )
        session.add(
            AgentTaskResult(
                org_id=task.context.org_id,
                task_id=task.id,
                agent=task.agent,
                skill=task.skill,
                status=result.status,
                result=result.model_dump(mode="json"),
            )
        )
        try:
            await session.commit()
        except IntegrityError:
            # The same task ran concurrently elsewhere and committed first: its result wins.
            await session.rollback()
            stored = await _stored_result(session, task.id)
            if stored is None:
                raise
            return stored
        return result


async def _stored_result(session: AsyncSession, task_id: str) -> AgentResult | None:
    row = (
        await session.scalars(select(AgentTaskResult).where(AgentTaskResult.task_id == task_id))
    ).first()
    return AgentResult.model_validate(row.result) if row else None


async def invoke(bus: Bus, task: AgentTask) -> AgentResult:
    """Send a task to its agent over the bus and wait, at most until the task's deadline."""
    started = time.perf_counter()
    timeout = (task.deadline - utcnow()).total_seconds()
    if timeout <= 0:
        return _failed(
            task, FailureKind.LATE, "The deadline passed before the task was sent", started
        )
    try:
        reply = await bus.request(
            f"agent.{task.agent}",
            task.model_dump(mode="json"),
            timeout=timeout,
            headers={"trace-id": task.context.trace_id},
        )
    except RequestTimeoutError:
        return _failed(
            task,
            FailureKind.UNREACHABLE,
            f"{task.agent} did not answer within {timeout:.1f} s",
            started,
        )
    except RemoteHandlerError as exc:
        return _failed(task, FailureKind.CRASHED, f"{task.agent} failed: {exc}", started)
    except BusError as exc:
        return _failed(
            task, FailureKind.UNREACHABLE, f"Could not reach {task.agent}: {exc}", started
        )
    try:
        return AgentResult.model_validate(reply)
    except ValidationError:
        return _failed(
            task, FailureKind.MALFORMED, f"{task.agent} answered with a malformed result", started
        )
