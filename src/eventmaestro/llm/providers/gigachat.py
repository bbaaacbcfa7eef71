"""GigaChat through the official `gigachat` SDK.

The SDK already does what the protocol needs and is maintained with it: the OAuth exchange
(Basic key, `RqUID`, scope), caching the token and refreshing it `token_expiry_buffer_ms`
before its `expires_at`, and one re-authentication when a call answers 401. TLS is verified
against a configurable CA bundle (the Russian Trusted Root CA) — never switched off. SDK
retries stay off: the router owns retries and fallback within the caller's deadline.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pydantic
from gigachat import GigaChat
from gigachat.exceptions import GigaChatException, ResponseError
from gigachat.models import (
    Chat,
    Function,
    FunctionCall,
    FunctionParameters,
    Messages,
    MessagesRole,
)

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

_ROLES = {
    Role.SYSTEM: MessagesRole.SYSTEM,
    Role.USER: MessagesRole.USER,
    Role.ASSISTANT: MessagesRole.ASSISTANT,
    Role.TOOL: MessagesRole.FUNCTION,
}


class GigaChatProvider(Provider):
    name = "gigachat"

    def __init__(
        self,
        *,
        credentials: str | None,
        scope: str = "GIGACHAT_API_PERS",
        base_url: str = "https://gigachat.devices.sberbank.ru/api/v1",
        auth_url: str = "https://ngw.devices.sberbank.ru:9443/api/v2/oauth",
        ca_bundle_file: str | None = None,
        timeout: float = 60.0,
        token_refresh_margin_seconds: float = 60.0,
    ) -> None:
        self._credentials = credentials
        self._client = GigaChat(
            credentials=credentials,
            scope=scope,
            base_url=base_url,
            auth_url=auth_url,
            ca_bundle_file=ca_bundle_file,
            verify_ssl_certs=True,
            timeout=timeout,
            max_retries=0,
        )
        # The SDK reads this margin from its settings but takes no constructor argument.
        self._client._settings.token_expiry_buffer_ms = int(token_refresh_margin_seconds * 1000)

    @property
    def configured(self) -> bool:
        return bool(self._credentials)

    async def chat(self, model: str, request: ChatRequest) -> ChatResponse:
        try:
            completion = await self._client.achat(self._chat(model, request))
            choice = completion.choices[0]
        except Exception as exc:
            raise self._translate(exc) from exc
        call = choice.message.function_call
        calls = (
            (
                ToolCall(
                    id=choice.message.functions_state_id or call.name,
                    name=call.name,
                    arguments=dict(call.arguments or {}),
                ),
            )
            if call is not None
            else ()
        )
        return ChatResponse(
            content=choice.message.content,
            tool_calls=calls,
            finish_reason=choice.finish_reason or "stop",
            usage=Usage(
                prompt_tokens=completion.usage.prompt_tokens,
                completion_tokens=completion.usage.completion_tokens,
            ),
            provider=self.name,
            model=model,
        )

    async def stream(self, model: str, request: ChatRequest) -> AsyncIterator[StreamChunk]:
        try:
            async for event in self._client.astream(self._chat(model, request)):
                choice = event.choices[0] if event.choices else None
                usage = (
                    Usage(
                        prompt_tokens=event.usage.prompt_tokens,
                        completion_tokens=event.usage.completion_tokens,
                    )
                    if event.usage
                    else None
                )
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
            result = await self._client.aembeddings(texts, model=model)
        except Exception as exc:
            raise self._translate(exc) from exc
        return Embeddings(
            vectors=tuple(tuple(d.embedding) for d in result.data),
            usage=Usage(prompt_tokens=sum(d.usage.prompt_tokens for d in result.data)),
            provider=self.name,
            model=model,
        )

    async def list_models(self) -> list[str]:
        try:
            models = await self._client.aget_models()
        except Exception as exc:
            raise self._translate(exc) from exc
        return [m.id_ for m in models.data]

    async def close(self) -> None:
        await self._client.aclose()

    def _chat(self, model: str, request: ChatRequest) -> Chat:
        extra: dict[str, Any] = {}
        if request.tools:
            extra["functions"] = [
                Function(
                    name=t.name,
                    description=t.description,
                    parameters=FunctionParameters.model_validate(t.parameters),
                )
                for t in request.tools
            ]
        if request.response_format is not None:
            extra["response_format"] = {
                "type": "json_schema",
                "schema": request.response_format.schema_,
            }
        return Chat(
            model=model,
            messages=[_message(m) for m in request.messages],
            temperature=request.temperature,
            max_tokens=request.max_tokens,
            **extra,
        )

    def _translate(self, exc: Exception) -> ProviderError:
        if isinstance(exc, ProviderError):
            return exc
        if isinstance(exc, ResponseError):
            return error_for_status(self.name, exc.status_code, exc.headers)
        if isinstance(exc, httpx.TimeoutException):
            return ProviderTimeout(self.name, "timed out")
        if isinstance(exc, httpx.TransportError):
            return ProviderUnavailable(self.name, "connection failed or dropped")
        if isinstance(exc, json.JSONDecodeError | pydantic.ValidationError | IndexError):
            return ProviderUnavailable(self.name, "malformed response")
        if isinstance(exc, GigaChatException):
            return ProviderUnavailable(self.name, type(exc).__name__)
        raise exc


def _message(message: Message) -> Messages:
    call = message.tool_calls[0] if message.tool_calls else None
    return Messages(
        role=_ROLES[message.role],
        content=message.content,
        name=message.name,
        function_call=FunctionCall(name=call.name, arguments=call.arguments) if call else None,
    )
