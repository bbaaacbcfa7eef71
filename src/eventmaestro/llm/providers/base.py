"""The provider contract: a connection (an account, an endpoint) that serves named models.

Providers and models are separate, as in pydantic-ai: the routing table names
`provider:model` pairs, so one GigaChat account serves GigaChat-2 and GigaChat-2-Max and one
vLLM endpoint may serve T-Pro and Qwen-3. Providers translate wire errors into the typed
`ProviderError`s and leave retries, timeouts and fallback to the router.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator

from eventmaestro.llm.contracts import ChatRequest, ChatResponse, Embeddings, StreamChunk


class Provider(ABC):
    name: str
    cloud: bool = True  # data leaves the organisation's perimeter (privacy guard masks it)

    @property
    def configured(self) -> bool:
        """Has the credentials it needs; an unconfigured provider is skipped by the router."""
        return True

    @abstractmethod
    async def chat(self, model: str, request: ChatRequest) -> ChatResponse: ...

    @abstractmethod
    def stream(self, model: str, request: ChatRequest) -> AsyncIterator[StreamChunk]: ...

    @abstractmethod
    async def embed(self, model: str, texts: list[str]) -> Embeddings: ...

    @abstractmethod
    async def list_models(self) -> list[str]:
        """Cheap authenticated call for `maestro llm check`."""

    async def close(self) -> None:
        return None
