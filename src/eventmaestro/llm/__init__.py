"""LLM gateway: one facade over GigaChat, YandexGPT, OpenAI-compatible models and the offline
engine, with routing, fallback, privacy masking, caching and a rouble cost ledger.

Agents import `LLMGateway` and the contracts from here and never a provider directly.
"""

from typing import TYPE_CHECKING, Any

from eventmaestro.llm.contracts import (
    ChatRequest,
    ChatResponse,
    Message,
    Role,
    StreamChunk,
    TaskKind,
    ToolCall,
    ToolSpec,
    Usage,
)

if TYPE_CHECKING:
    from eventmaestro.llm.gateway import LLMGateway


def __getattr__(name: str) -> Any:
    # The gateway pulls in every provider's SDK; importing the package for its contracts
    # (or for `maestro llm …`) should not pay for them.
    if name == "LLMGateway":
        from eventmaestro.llm.gateway import LLMGateway

        return LLMGateway
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ChatRequest",
    "ChatResponse",
    "LLMGateway",
    "Message",
    "Role",
    "StreamChunk",
    "TaskKind",
    "ToolCall",
    "ToolSpec",
    "Usage",
]
