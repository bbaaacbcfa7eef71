"""OpenAI-compatible chat completions: T-Pro, Cotype, Qwen-3, Llama-3.1 behind vLLM or
Ollama, and YandexGPT through Yandex's compatible endpoint.

Uses the official `openai` SDK (the brief's preference, and the reference client of this
protocol). Its own retries are switched off: the router owns retries, backoff and fallback,
and two retry layers would multiply waits beyond the caller's deadline.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from functools import cached_property
from typing import Any

import openai
import pydantic
from openai.types.chat import ChatCompletionMessageParam, ChatCompletionToolParam

from eventmaestro.llm.contracts import (
    ChatRequest,
    ChatResponse,
    Embeddings,
    Message,
    Role,
    StreamChunk,
    ToolCall,
    Usage,
)
from eventmaestro.llm.errors import ProviderError, ProviderTimeout, ProviderUnavailable
from eventmaestro.llm.providers.base import Provider
from eventmaestro.llm.providers.wire_errors import error_for_status


class OpenAICompatibleProvider(Provider):
    def __init__(
        self,
        name: str,
        *,
        base_url: str,
        api_key: str | None,
        cloud: bool = True,
        timeout: float = 60.0,
        headers: dict[str, str] | None = None,
        requires_key: bool = False,
    ) -> None:
        self.name = name
        self.cloud = cloud
        self._requires_key = requires_key
        self._api_key = api_key
        self.enabled = True
        self._client_options: dict[str, Any] = {
            "base_url": base_url,
            # Local vLLM / Ollama accept any key; the SDK insists on one being set.
            "api_key": api_key or "not-needed",
            "max_retries": 0,
            "timeout": timeout,
            "default_headers": headers,
        }

    @cached_property
    def _client(self) -> openai.AsyncOpenAI:
        """Built on first use: building one loads a TLS context (a few hundred ms), which
        providers that are configured but never routed to should not pay at start-up."""
        return openai.AsyncOpenAI(**self._client_options)

    @property
    def configured(self) -> bool:
        return self.enabled and (bool(self._api_key) or not self._requires_key)

    def model_id(self, model: str) -> str:
        return model

    async def chat(self, model: str, request: ChatRequest) -> ChatResponse:
        try:
            completion = await self._client.chat.completions.create(
                model=self.model_id(model), **self._params(request)
            )
            choice = completion.choices[0]
        except Exception as exc:
            raise self._translate(exc) from exc
        calls = tuple(
            ToolCall(id=c.id, name=c.function.name, arguments=_arguments(c.function.arguments))
            for c in choice.message.tool_calls or ()
            if c.type == "function"
        )
        usage = completion.usage
        return ChatResponse(
            content=choice.message.content or "",
            tool_calls=calls,
            finish_reason=choice.finish_reason or "stop",
            usage=Usage(
                prompt_tokens=usage.prompt_tokens if usage else 0,
                completion_tokens=usage.completion_tokens if usage else 0,
            ),
            provider=self.name,
            model=model,
        )

    async def stream(self, model: str, request: ChatRequest) -> AsyncIterator[StreamChunk]:
        try:
            events = await self._client.chat.completions.create(
                model=self.model_id(model),
                stream=True,
                stream_options={"include_usage": True},
                **self._params(request),
            )
            async for event in events:
                usage = (
                    Usage(
                        prompt_tokens=event.usage.prompt_tokens,
                        completion_tokens=event.usage.completion_tokens,
                    )
                    if event.usage
                    else None
                )
                choice = event.choices[0] if event.choices else None
                if choice is None and usage is None:
                    continue
                yield StreamChunk(
                    delta=(choice.delta.content or "") if choice else "",
                    finish_reason=choice.finish_reason if choice else None,
                    usage=usage,
                )
        except ProviderError:
            raise
        except Exception as exc:
            raise self._translate(exc) from exc

    async def embed(self, model: str, texts: list[str]) -> Embeddings:
        try:
            result = await self._client.embeddings.create(model=self.model_id(model), input=texts)
        except Exception as exc:
            raise self._translate(exc) from exc
        return Embeddings(
            vectors=tuple(tuple(d.embedding) for d in result.data),
            usage=Usage(prompt_tokens=result.usage.prompt_tokens if result.usage else 0),
            provider=self.name,
            model=model,
        )

    async def list_models(self) -> list[str]:
        try:
            page = await self._client.models.list()
        except Exception as exc:
            raise self._translate(exc) from exc
        return [m.id for m in page.data]

    async def close(self) -> None:
        if "_client" in self.__dict__:
            await self._client.close()

    def _params(self, request: ChatRequest) -> dict[str, Any]:
        params: dict[str, Any] = {"messages": [_message(m) for m in request.messages]}
        if request.tools:
            tools: list[ChatCompletionToolParam] = [
                {
                    "type": "function",
                    "function": {
                        "name": t.name,
                        "description": t.description,
                        "parameters": t.parameters,
                    },
                }
                for t in request.tools
            ]
            params["tools"] = tools
        if request.response_format is not None:
            params["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": request.response_format.name,
                    "schema": request.response_format.schema_,
                },
            }
        if request.temperature is not None:
            params["temperature"] = request.temperature
        if request.max_tokens is not None:
            params["max_tokens"] = request.max_tokens
        return params

    def _translate(self, exc: Exception) -> ProviderError:
        if isinstance(exc, ProviderError):
            return exc
        if isinstance(exc, openai.APITimeoutError):
            return ProviderTimeout(self.name, "timed out")
        if isinstance(exc, openai.APIStatusError):
            return error_for_status(self.name, exc.status_code, exc.response.headers)
        if isinstance(exc, openai.APIConnectionError):
            return ProviderUnavailable(self.name, "connection failed or dropped")
        if isinstance(exc, json.JSONDecodeError | pydantic.ValidationError | IndexError):
            return ProviderUnavailable(self.name, "malformed response")
        if isinstance(exc, openai.OpenAIError):
            return ProviderUnavailable(self.name, type(exc).__name__)
        raise exc


def _arguments(raw: str) -> dict[str, Any]:
    try:
        value = json.loads(raw or "{}")
    except json.JSONDecodeError:
        return {"_raw": raw}
    return value if isinstance(value, dict) else {"value": value}


def _message(message: Message) -> ChatCompletionMessageParam:
    if message.role is Role.TOOL:
        return {
            "role": "tool",
            "tool_call_id": message.tool_call_id or "",
            "content": message.content,
        }
    if message.role is Role.ASSISTANT and message.tool_calls:
        return {
            "role": "assistant",
            "content": message.content or None,
            "tool_calls": [
                {
                    "id": c.id,
                    "type": "function",
                    "function": {
                        "name": c.name,
                        "arguments": json.dumps(c.arguments, ensure_ascii=False),
                    },
                }
                for c in message.tool_calls
            ],
        }
    if message.role is Role.SYSTEM:
        return {"role": "system", "content": message.content}
    if message.role is Role.ASSISTANT:
        return {"role": "assistant", "content": message.content}
    return {"role": "user", "content": message.content}


class YandexProvider(OpenAICompatibleProvider):
    """YandexGPT through Foundation Models' OpenAI-compatible endpoint.

    Chosen over the native `/foundationModels/v1/completion` API because the compatible
    endpoint gives tools, json_schema output and SSE streaming through the same official SDK
    and the same code path already proven for vLLM/Ollama, instead of a second hand-written
    client for a protocol with string-typed token counts. Model names in the routing table
    are short (`yandexgpt/latest`); the folder turns them into `gpt://<folder>/...` URIs, and
    the folder also travels as the `OpenAI-Project` header, as Yandex requires.
    """

    def __init__(
        self, *, base_url: str, api_key: str | None, folder_id: str, timeout: float = 60.0
    ) -> None:
        super().__init__(
            "yandex",
            base_url=base_url,
            api_key=api_key,
            timeout=timeout,
            headers={"OpenAI-Project": folder_id} if folder_id else None,
            requires_key=True,
        )
        self._folder_id = folder_id

    @property
    def configured(self) -> bool:
        return bool(self._api_key and self._folder_id)

    def model_id(self, model: str) -> str:
        if model.startswith(("gpt://", "emb://")):
            return model
        scheme = "emb" if "embedding" in model else "gpt"
        return f"{scheme}://{self._folder_id}/{model}"
