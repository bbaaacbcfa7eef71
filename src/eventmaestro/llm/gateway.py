"""The facade agents call: chat, structured output, tools, streaming and embeddings.

It composes the pieces in a fixed order — limits, cache, privacy, routing with fallback,
restoring personal data, booking usage — so every caller gets the same guarantees without
knowing which model answered:

* the answer arrives by the caller's deadline (the offline engine closes every chain);
* personal data never reaches a cloud model unmasked (policy `mask`) or never reaches one at
  all (policy `route_private`);
* each call is booked with its tokens and rouble cost for the caller's organisation.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from eventmaestro.kit.cache.base import Cache
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.errors import UnprocessableError
from eventmaestro.llm.config import LLMSettings, PrivacyPolicy, split_ref
from eventmaestro.llm.contracts import (
    ChatRequest,
    ChatResponse,
    Embeddings,
    JsonSchemaFormat,
    Message,
    StreamChunk,
    TaskKind,
    ToolCall,
    ToolSpec,
    Usage,
)
from eventmaestro.llm.errors import ProviderError
from eventmaestro.llm.ledger import CallRecord, UsageSink, cost_roubles
from eventmaestro.llm.metrics import LLM_CACHE_HITS, LLM_FALLBACKS, LLM_LATENCY, LLM_TOKENS
from eventmaestro.llm.privacy import (
    Masker,
    StreamRestorer,
    find_personal_data,
    load_name_model,
)
from eventmaestro.llm.providers.base import Provider
from eventmaestro.llm.providers.factory import build_providers
from eventmaestro.llm.providers.offline import OfflineProvider, offline_answer
from eventmaestro.llm.router import Router, Step, StepSkipped

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class ProviderStatus:
    name: str
    configured: bool
    ok: bool
    detail: str


class _Privacy:
    """One request's privacy decision: the chain to use and what each provider may see."""

    def __init__(self, policy: PrivacyPolicy, request: ChatRequest) -> None:
        self.masker = Masker()
        self.task = request.task
        self._request = request
        self._masked: ChatRequest | None = None
        self._policy = policy
        if policy is PrivacyPolicy.ROUTE_PRIVATE and any(
            find_personal_data(m.content) for m in request.messages
        ):
            self.task = TaskKind.PRIVATE

    def request_for(self, provider: Provider) -> ChatRequest:
        if self._policy is not PrivacyPolicy.MASK or not provider.cloud:
            return self._request
        if self._masked is None:
            masked = tuple(
                m.model_copy(update={"content": self.masker.mask(m.content)})
                for m in self._request.messages
            )
            self._masked = self._request.with_messages(masked)
        return self._masked

    def restore(self, response: ChatResponse) -> ChatResponse:
        if not self.masker.masked_anything:
            return response
        calls = tuple(
            ToolCall(id=c.id, name=c.name, arguments=self.masker.restore_value(c.arguments))
            for c in response.tool_calls
        )
        return response.model_copy(
            update={"content": self.masker.restore(response.content), "tool_calls": calls}
        )


class LLMGateway:
    def __init__(
        self,
        settings: LLMSettings,
        *,
        providers: dict[str, Provider] | None = None,
        cache: Cache | None = None,
        usage: UsageSink | None = None,
    ) -> None:
        self.settings = settings
        self.providers = providers if providers is not None else build_providers(settings)
        self.providers.setdefault("offline", OfflineProvider())
        self.router = Router(settings, self.providers)
        self._cache = cache
        self._usage = usage

    async def start(self) -> None:
        """Load the privacy guard's name model off the event loop (about a second, once)."""
        if self.settings.privacy is not PrivacyPolicy.OFF:
            await asyncio.to_thread(load_name_model)

    async def close(self) -> None:
        for provider in self.providers.values():
            await provider.close()

    def has_model(self, task: TaskKind) -> bool:
        """A configured language model (not just the offline engine) answers `task`: callers
        skip asking for words the offline engine could only echo."""
        chain = self.router.chain(task)
        return bool(chain) and chain[0].provider.name != "offline"

    # -- chat -------------------------------------------------------------------------------

    async def chat(
        self,
        task: TaskKind,
        messages: Sequence[Message],
        *,
        tools: Sequence[ToolSpec] = (),
        response_format: JsonSchemaFormat | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        deadline: datetime | None = None,
        within: float | None = None,
        org_id: uuid.UUID | None = None,
    ) -> ChatResponse:
        """Answer `messages` with the chain routed for `task`.

        The call ends by the earlier of `deadline` (an aware datetime, e.g. the agent task's
        deadline) and `within` seconds (default: the settings' timeout), with an offline answer
        if no model made it in time. `temperature=0` makes the request cacheable. `org_id`
        books the usage to that organisation and enforces its monthly limits.
        """
        request = ChatRequest(
            task=task,
            messages=tuple(messages),
            tools=tuple(tools),
            response_format=response_format,
            temperature=temperature,
            max_tokens=max_tokens,
        )
        return await self.complete(request, expires=self._expiry(deadline, within), org_id=org_id)

    async def complete(
        self, request: ChatRequest, *, expires: float, org_id: uuid.UUID | None = None
    ) -> ChatResponse:
        started = time.perf_counter()
        if org_id is not None and self._usage is not None:
            await self._usage.check_limits(org_id)
        key = self._cache_key(request, org_id)
        if key is not None and self._cache is not None:
            hit = await self._cache.get(key)
            if hit is not None:
                LLM_CACHE_HITS.inc()
                cached = ChatResponse.model_validate_json(hit).model_copy(update={"cached": True})
                await self._book(request.task, org_id, cached, started, "cached")
                return cached
        privacy = _Privacy(self.settings.privacy, request)
        response = await self._walk_chain(privacy, expires)
        if key is not None and self._cache is not None:
            await self._cache.set(
                key, response.model_dump_json().encode(), ttl=self.settings.cache_ttl_seconds
            )
        await self._book(request.task, org_id, response, started, "ok")
        return response

    async def _walk_chain(self, privacy: _Privacy, expires: float) -> ChatResponse:
        for step in self.router.chain(privacy.task):
            sent = privacy.request_for(step.provider)
            try:
                response = await self.router.run(
                    step, partial(step.provider.chat, step.model, sent), expires=expires
                )
            except (ProviderError, StepSkipped):
                continue
            return privacy.restore(response).model_copy(update={"fallback": not step.first})
        raise AssertionError("every chain ends in offline, which cannot fail")  # pragma: no cover

    # -- structured output ------------------------------------------------------------------

    async def structured(
        self,
        task: TaskKind,
        messages: Sequence[Message],
        output: type[M],
        *,
        deadline: datetime | None = None,
        within: float | None = None,
        org_id: uuid.UUID | None = None,
    ) -> M:
        """Ask for JSON matching `output`'s schema and validate it. One repair round: the
        model sees its invalid answer and the validation errors. If that fails too, the
        offline engine's schema-shaped answer is used, so the caller still gets a valid
        object (and the numbers in it come from code, as always)."""
        expires = self._expiry(deadline, within)
        fmt = JsonSchemaFormat(name=output.__name__, schema=output.model_json_schema())
        request = ChatRequest(
            task=task, messages=tuple(messages), response_format=fmt, temperature=0
        )
        response = await self.complete(request, expires=expires, org_id=org_id)
        try:
            return output.model_validate_json(response.content)
        except ValidationError as first_error:
            await self._forget(request, org_id)  # never serve an invalid answer from the cache
            repair = request.with_messages(
                (
                    *request.messages,
                    Message.assistant(response.content),
                    Message.user(
                        "The answer does not match the JSON schema: "
                        f"{first_error.errors(include_url=False)}. "
                        "Reply with the corrected JSON object only."
                    ),
                )
            )
            repaired = await self.complete(repair, expires=expires, org_id=org_id)
        try:
            return output.model_validate_json(repaired.content)
        except ValidationError:
            await self._forget(repair, org_id)
        try:
            return output.model_validate_json(offline_answer(request))
        except ValidationError as exc:
            raise UnprocessableError(
                f"No model produced a valid {output.__name__}, and its schema cannot be filled "
                "offline"
            ) from exc

    # -- streaming --------------------------------------------------------------------------

    async def stream(
        self,
        task: TaskKind,
        messages: Sequence[Message],
        *,
        temperature: float | None = None,
        max_tokens: int | None = None,
        deadline: datetime | None = None,
        within: float | None = None,
        org_id: uuid.UUID | None = None,
    ) -> AsyncIterator[StreamChunk]:
        started = time.perf_counter()
        expires = self._expiry(deadline, within)
        request = ChatRequest(
            task=task, messages=tuple(messages), temperature=temperature, max_tokens=max_tokens
        )
        if org_id is not None and self._usage is not None:
            await self._usage.check_limits(org_id)
        privacy = _Privacy(self.settings.privacy, request)
        for step in self.router.chain(privacy.task):
            restorer = StreamRestorer(privacy.masker)
            usage = Usage()
            text: list[str] = []
            try:
                async for chunk in self.router.stream_step(
                    step, privacy.request_for(step.provider), expires=expires
                ):
                    usage = chunk.usage or usage
                    delta = restorer.feed(chunk.delta)
                    if chunk.finish_reason is not None:
                        delta += restorer.flush()
                    text.append(delta)
                    yield chunk.model_copy(update={"delta": delta})
            except StepSkipped:
                continue
            answered = ChatResponse(
                content="".join(text),
                usage=usage,
                provider=step.provider.name,
                model=step.model,
                fallback=not step.first,
            )
            await self._book(task, org_id, answered, started, "ok")
            return

    # -- embeddings -------------------------------------------------------------------------

    async def embed(
        self,
        texts: Sequence[str],
        *,
        task: TaskKind = TaskKind.SEARCH,
        deadline: datetime | None = None,
        within: float | None = None,
        org_id: uuid.UUID | None = None,
    ) -> Embeddings:
        started = time.perf_counter()
        expires = self._expiry(deadline, within)
        name, model = split_ref(self.settings.embedding_model)
        steps = []
        provider = self.providers.get(name)
        if provider is not None and provider.configured:
            steps.append(Step(provider, model, first=True))
        steps.append(Step(self.providers["offline"], "hashing", first=not steps))
        masker = Masker()
        for step in steps:
            mask = step.provider.cloud and self.settings.privacy is not PrivacyPolicy.OFF
            sent = [masker.mask(t) for t in texts] if mask else list(texts)
            try:
                result = await self.router.run(
                    step, partial(step.provider.embed, step.model, sent), expires=expires
                )
            except (ProviderError, StepSkipped):
                continue
            answered = ChatResponse(
                content="",
                usage=result.usage,
                provider=result.provider,
                model=result.model,
                fallback=not step.first,
            )
            await self._book(task, org_id, answered, started, "ok")
            return result
        raise AssertionError("the offline embedding step cannot fail")  # pragma: no cover

    # -- operations -------------------------------------------------------------------------

    async def check(self, *, per_provider_seconds: float = 5.0) -> list[ProviderStatus]:
        """Ping every provider (a models listing: authenticated, no tokens spent)."""

        async def ping(name: str, provider: Provider) -> ProviderStatus:
            if not provider.configured:
                return ProviderStatus(name, False, False, "not configured (skipped)")
            try:
                async with asyncio.timeout(per_provider_seconds):
                    models = await provider.list_models()
            except (ProviderError, TimeoutError) as exc:
                return ProviderStatus(name, True, False, str(exc) or "timed out")
            return ProviderStatus(name, True, True, ", ".join(models[:4]))

        return list(await asyncio.gather(*(ping(n, p) for n, p in sorted(self.providers.items()))))

    # -- internals --------------------------------------------------------------------------

    def _expiry(self, deadline: datetime | None, within: float | None) -> float:
        """The caller's deadline on the loop's monotonic clock: wall-clock deadlines are
        converted once, here, so a clock step cannot stretch or cut a call."""
        loop = asyncio.get_running_loop()
        seconds = self.settings.default_timeout_seconds if within is None else within
        if deadline is not None:
            seconds = min(seconds, (deadline - utcnow()).total_seconds())
        return loop.time() + seconds

    async def _forget(self, request: ChatRequest, org_id: uuid.UUID | None) -> None:
        key = self._cache_key(request, org_id)
        if key is not None and self._cache is not None:
            await self._cache.delete(key)

    def _cache_key(self, request: ChatRequest, org_id: uuid.UUID | None) -> str | None:
        if not request.deterministic or self.settings.cache_ttl_seconds == 0:
            return None
        route = ",".join(self.settings.routes[request.task])
        digest = hashlib.sha256(request.cache_key(route).encode()).hexdigest()
        return f"llm:{org_id or '-'}:{digest}"

    async def _book(
        self,
        task: TaskKind,
        org_id: uuid.UUID | None,
        response: ChatResponse,
        started: float,
        outcome: str,
    ) -> None:
        elapsed = time.perf_counter() - started
        LLM_LATENCY.labels(task.value, response.provider).observe(elapsed)
        if response.fallback:
            LLM_FALLBACKS.labels(task.value).inc()
        usage = Usage() if outcome == "cached" else response.usage
        LLM_TOKENS.labels(response.provider, response.model, "in").inc(usage.prompt_tokens)
        LLM_TOKENS.labels(response.provider, response.model, "out").inc(usage.completion_tokens)
        if self._usage is None:
            return
        price = self.settings.price(response.provider, response.model)
        await self._usage.record(
            CallRecord(
                org_id=org_id,
                task=task,
                provider=response.provider,
                model=response.model,
                prompt_tokens=usage.prompt_tokens,
                completion_tokens=usage.completion_tokens,
                latency_ms=elapsed * 1000,
                outcome=outcome,
                fallback=response.fallback,
                cost_rub=cost_roubles(usage, price),
            )
        )
