"""LLM gateway: one facade over GigaChat, YandexGPT, OpenAI-compatible models and the offline
engine, with routing, fallback, privacy masking, caching and a rouble cost ledger.

Agents import `LLMGateway` and the contracts from here and never a provider directly.
"""

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
from eventmaestro.llm.gateway import LLMGateway

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
