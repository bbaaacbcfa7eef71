"""What callers and providers exchange, independent of any wire format.

Providers translate these to and from their protocol; the router only ever sees these types.
A request names its *task kind* (which picks the model chain) and carries the caller's
absolute deadline on the event loop's monotonic clock, so every layer below can tell how much
time is left without passing timeouts around.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class TaskKind(StrEnum):
    ORCHESTRATION = "orchestration"
    PLANNING = "planning"
    FINANCE = "finance"
    SEARCH = "search"
    DIALOG = "dialog"
    ANALYTICS = "analytics"
    SENTIMENT = "sentiment"
    PRIVATE = "private"


class Role(StrEnum):
    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"
    TOOL = "tool"


class ToolCall(BaseModel):
    """A function the model asks the caller to run. Arguments are always an object here:
    GigaChat sends an object, OpenAI a JSON string; providers normalise."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    arguments: dict[str, Any]


class Message(BaseModel):
    model_config = ConfigDict(frozen=True)

    role: Role
    content: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str | None = None  # on a TOOL message: which call it answers
    name: str | None = None  # on a TOOL message: the function's name (GigaChat needs it)

    @classmethod
    def system(cls, text: str) -> Message:
        return cls(role=Role.SYSTEM, content=text)

    @classmethod
    def user(cls, text: str) -> Message:
        return cls(role=Role.USER, content=text)

    @classmethod
    def assistant(cls, text: str) -> Message:
        return cls(role=Role.ASSISTANT, content=text)


class ToolSpec(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    description: str = ""
    parameters: dict[str, Any] = Field(default_factory=lambda: {"type": "object", "properties": {}})


class JsonSchemaFormat(BaseModel):
    """Ask for a JSON object matching `schema` (a JSON Schema, usually a Pydantic model's)."""

    model_config = ConfigDict(frozen=True)

    name: str
    schema_: dict[str, Any] = Field(alias="schema")


class ChatRequest(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)

    task: TaskKind
    messages: tuple[Message, ...]
    tools: tuple[ToolSpec, ...] = ()
    response_format: JsonSchemaFormat | None = None
    temperature: float | None = None
    max_tokens: int | None = None

    @property
    def deterministic(self) -> bool:
        """Only a zero-temperature request may be answered from the cache: any other
        temperature asks for variety, which a cached answer would silently deny."""
        return self.temperature == 0

    def cache_key(self, model: str) -> str:
        payload = self.model_dump(mode="json", by_alias=True)
        return model + ":" + json.dumps(payload, sort_keys=True, ensure_ascii=False)

    def with_messages(self, messages: tuple[Message, ...]) -> ChatRequest:
        return self.model_copy(update={"messages": messages})


class Usage(BaseModel):
    model_config = ConfigDict(frozen=True)

    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class ChatResponse(BaseModel):
    model_config = ConfigDict(frozen=True)

    content: str
    tool_calls: tuple[ToolCall, ...] = ()
    finish_reason: str = "stop"
    usage: Usage = Usage()
    provider: str = ""
    model: str = ""
    fallback: bool = False  # answered by a model other than the chain's first choice
    cached: bool = False


class StreamChunk(BaseModel):
    model_config = ConfigDict(frozen=True)

    delta: str = ""
    finish_reason: str | None = None
    usage: Usage | None = None


class Embeddings(BaseModel):
    model_config = ConfigDict(frozen=True)

    vectors: tuple[tuple[float, ...], ...]
    usage: Usage = Usage()
    provider: str = ""
    model: str = ""
