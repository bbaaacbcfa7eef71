"""Orchestration API schemas."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal
from zoneinfo import available_timezones

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from eventmaestro.agents.base import ResultStatus
from eventmaestro.kit.types import CleanStr, UtcDateTime
from eventmaestro.nlp.entities.extract import DEFAULT_TIMEZONE, Entities
from eventmaestro.nlp.intents import Intent

_TIMEZONES = frozenset(available_timezones())


def _known_timezone(value: str) -> str:
    if value not in _TIMEZONES:
        raise ValueError("must be an IANA time zone such as Europe/Moscow")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must contain text")
    return value


Message = Annotated[
    CleanStr, StringConstraints(min_length=1, max_length=2000), AfterValidator(_not_blank)
]
TimeZoneName = Annotated[str, AfterValidator(_known_timezone)]
ConversationId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{8,64}$")]


class IntentClassifyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Message
    now: UtcDateTime | None = Field(
        default=None, description="Resolve relative dates against this instant (default: now)"
    )
    timezone: TimeZoneName = Field(
        default=DEFAULT_TIMEZONE, description="The user's zone: which calendar day `now` is"
    )


class ProcessRequest(BaseModel):
    """One message to Maestro. `conversation_id` continues a conversation; `event_id` says
    which stored event the conversation is about (its facts fill what the message omits)."""

    model_config = ConfigDict(extra="forbid")

    message: Message
    conversation_id: ConversationId | None = None
    event_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = Field(
        default=None, description="Ignored unless it is the caller: Maestro acts for the caller"
    )
    now: UtcDateTime | None = Field(
        default=None, description="Resolve relative dates against this instant (default: now)"
    )
    timezone: TimeZoneName = Field(
        default=DEFAULT_TIMEZONE, description="The user's zone: which calendar day `now` is"
    )
    context: dict[str, Any] | None = Field(
        default=None,
        description="Free-form client context (screen, selection); stored with the turn",
        json_schema_extra={"maxProperties": 20},
    )


class StepResult(BaseModel):
    agent: str
    skill: str
    status: ResultStatus
    output: dict[str, Any] | None = None
    summary: str = ""
    warnings: list[str] = Field(default_factory=list)
    duration_ms: float = 0.0
    error: str | None = None


class StepTiming(BaseModel):
    step: str
    skill: str
    state: str = Field(description="done, failed or skipped")
    started_ms: float
    duration_ms: float
    attempts: int
    reason: str | None = None


class Clarification(BaseModel):
    question: str
    missing: list[str]
    blocking: bool = Field(
        description="True when nothing ran because of it; False when the rest ran anyway"
    )
    options: list[str] = Field(
        default_factory=list,
        description="What the user may choose from (the tasks a name may mean, categories)",
    )


class ProcessResponse(BaseModel):
    conversation_id: str
    event_id: uuid.UUID | None
    intent: Intent
    confidence: float
    entities: Entities
    language: Literal["ru", "en"]
    agents_used: list[str]
    results: dict[str, StepResult]
    summary: str
    warnings: list[str]
    clarification: Clarification | None = None
    timings: list[StepTiming]
    execution_time_ms: float
    trace_id: str


class AgentHealth(BaseModel):
    name: str
    status: Literal["up", "down"]
    skills: list[str]
    latency_ms: float | None = None
    detail: str | None = None


class ProviderHealth(BaseModel):
    name: str
    configured: bool
    status: Literal["up", "down", "not_configured"]
    detail: str


class OrchestrationHealth(BaseModel):
    status: Literal["ok", "degraded"]
    agents: list[AgentHealth]
    providers: list[ProviderHealth]


class TurnOut(BaseModel):
    role: Literal["user", "maestro"]
    text: str
    intent: Intent | None = None


class ConversationOut(BaseModel):
    """What Maestro remembers of a conversation: the brief so far and the last turns."""

    id: str
    event_id: uuid.UUID | None
    intent: Intent | None
    entities: Entities
    turns: list[TurnOut]
