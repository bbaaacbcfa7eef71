"""The agent contract: typed tasks in, typed results out, skills declared with schemas.

An agent is a named set of skills. A skill has an input model, an output model and a handler
that receives a typed `RunContext` (never a global) — the pydantic-ai shape. Maestro and the
HTTP endpoints invoke skills only through the bus (`agent.<name>` queues), so the same code
runs in-process or as a separately scaled worker.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.kit.bus import Bus, Message
from eventmaestro.kit.cache import Cache
from eventmaestro.settings import Settings

if TYPE_CHECKING:
    from eventmaestro.llm.gateway import LLMGateway

In = TypeVar("In", bound=BaseModel)
Out = TypeVar("Out", bound=BaseModel)


class AgentContext(BaseModel):
    """Who asks, about what, and when — carried by every task, so a worker needs no session
    state of its own."""

    model_config = ConfigDict(extra="forbid")

    org_id: uuid.UUID
    user_id: uuid.UUID | None = None
    event_id: uuid.UUID | None = None
    conversation_id: str | None = None
    locale: Literal["ru", "en"] = "ru"
    now: datetime
    timezone: str = "Europe/Moscow"
    trace_id: str = Field(default_factory=lambda: uuid.uuid4().hex)


class AgentTask(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    agent: str
    skill: str
    input: dict[str, Any]
    context: AgentContext
    deadline: datetime
    attempt: int = 1


class ResultStatus(StrEnum):
    OK = "ok"
    PARTIAL = "partial"
    FAILED = "failed"


class FailureKind(StrEnum):
    """Why a task failed, so a caller can tell a retryable fault from a wrong request."""

    MALFORMED = "malformed"  # the task or the reply did not parse
    UNKNOWN_SKILL = "unknown_skill"
    INVALID_INPUT = "invalid_input"
    REJECTED = "rejected"  # the skill refused with a reason (not found, conflict…)
    CRASHED = "crashed"  # a bug in the skill
    LATE = "late"  # deadline passed before or while running
    UNREACHABLE = "unreachable"  # the agent did not answer or the bus failed

    @property
    def transient(self) -> bool:
        return self in {FailureKind.LATE, FailureKind.UNREACHABLE}


class AgentResult(BaseModel):
    task_id: str
    agent: str
    skill: str
    status: ResultStatus
    output: dict[str, Any] | None = None
    summary: str = ""
    warnings: list[str] = Field(default_factory=list)
    usage: list[dict[str, Any]] = Field(
        default_factory=list, description="Language-model calls made for this task"
    )
    duration_ms: float = 0.0
    error: str | None = None
    failure: FailureKind | None = None


@dataclass(frozen=True, slots=True)
class SkillOutcome(Generic[Out]):
    """What a handler returns: the typed output plus words for the user."""

    output: Out
    summary: str = ""
    warnings: list[str] = field(default_factory=list)
    status: ResultStatus = ResultStatus.OK


@dataclass(slots=True)
class RunContext:
    """Everything a skill handler may use. The session is the task's unit of work: the
    runtime commits it together with the stored result, so a redelivered task writes
    nothing twice."""

    task: AgentTask
    session: AsyncSession
    bus: Bus
    cache: Cache
    # The language-model gateway (routing, fallback, privacy, ledger); its chains end in the
    # offline engine, so a skill asks it only for words and checks what comes back.
    llm: LLMGateway | None = None

    @property
    def context(self) -> AgentContext:
        return self.task.context


Handler = Callable[[RunContext, In], Awaitable[SkillOutcome[Out]]]


@dataclass(slots=True)
class EventContext:
    """What a domain-event listener may use. The session is the listener's unit of work,
    committed together with the claim on the message, so a redelivery changes nothing."""

    message: Message
    session: AsyncSession
    settings: Settings

    @property
    def org_id(self) -> uuid.UUID | None:
        raw = self.message.headers.get("org-id")
        return uuid.UUID(raw) if raw else None


EventHandler = Callable[[EventContext], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Listener:
    name: str
    pattern: str
    handler: EventHandler


@dataclass(frozen=True, slots=True)
class Skill(Generic[In, Out]):
    name: str
    description: str
    input_model: type[In]
    output_model: type[Out]
    handler: Handler[In, Out]


class Agent:
    def __init__(self, name: str, description: str) -> None:
        self.name = name
        self.description = description
        self.skills: dict[str, Skill[Any, Any]] = {}
        self.listeners: dict[str, Listener] = {}

    @property
    def queue(self) -> str:
        return f"agent.{self.name}"

    def skill(
        self, name: str, *, input: type[In], output: type[Out], description: str = ""
    ) -> Callable[[Handler[In, Out]], Handler[In, Out]]:
        """Register a skill handler: `@agent.skill("generate_plan", input=..., output=...)`."""

        def register(handler: Handler[In, Out]) -> Handler[In, Out]:
            if name in self.skills:
                raise ValueError(f"{self.name}.{name} is registered twice")
            self.skills[name] = Skill(
                name=name,
                description=description or (handler.__doc__ or "").strip(),
                input_model=input,
                output_model=output,
                handler=handler,
            )
            return handler

        return register

    def on(self, pattern: str, *, name: str) -> Callable[[EventHandler], EventHandler]:
        """Listen to domain events: `@agent.on("event.created", name="auto_plan")`. Each
        listener is a consumer group of its own (`<agent>.<name>`): replicas share its work."""

        def register(handler: EventHandler) -> EventHandler:
            if name in self.listeners:
                raise ValueError(f"{self.name} listener {name!r} is registered twice")
            self.listeners[name] = Listener(name=name, pattern=pattern, handler=handler)
            return handler

        return register
