"""Routing: pick the chain for a task kind and walk it until a model answers in time.

For each model in the chain: skip its provider if unconfigured or its breaker is open; try
it, retrying retryable failures with exponential backoff and full jitter (honouring
`Retry-After` when the provider sends one), but only while the caller's deadline leaves room;
otherwise move on. Every attempt runs under `asyncio.timeout` set to the time left minus a
small reserve, so the chain's last link — the offline engine, which answers in microseconds —
always gets its turn before the deadline: a caller never waits past its deadline for an
answer, whatever the providers do.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from eventmaestro.llm.breaker import CircuitBreaker
from eventmaestro.llm.config import LLMSettings, split_ref
from eventmaestro.llm.contracts import ChatRequest, StreamChunk, TaskKind
from eventmaestro.llm.errors import BadProviderRequest, ProviderError, RateLimitedByProvider
from eventmaestro.llm.metrics import LLM_ATTEMPTS, LLM_BREAKER_STATE
from eventmaestro.llm.providers.base import Provider

T = TypeVar("T")

# Kept back from every upstream attempt for the offline answer and the gateway's own work.
DEADLINE_RESERVE_SECONDS = 0.01


@dataclass(frozen=True)
class Step:
    provider: Provider
    model: str
    first: bool  # the chain's first choice (anything else is a fallback)

    @property
    def ref(self) -> str:
        return f"{self.provider.name}:{self.model}"


class StepSkipped(Exception):
    """Move on to the next step: no time left for this one, or its breaker is open."""


class Router:
    def __init__(
        self,
        settings: LLMSettings,
        providers: dict[str, Provider],
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.settings = settings
        self.providers = providers
        self.breakers = {
            name: CircuitBreaker(
                failures=settings.breaker_failures, reset_seconds=settings.breaker_reset_seconds
            )
            for name in providers
        }
        self._sleep = sleep
        self._jitter = jitter

    def chain(self, task: TaskKind) -> list[Step]:
        steps = []
        for index, ref in enumerate(self.settings.routes[task]):
            name, model = split_ref(ref)
            provider = self.providers.get(name)
            if provider is not None and provider.configured:
                steps.append(Step(provider, model, first=index == 0))
        return steps

    def backoff(self, attempt: int, error: ProviderError) -> float:
        if isinstance(error, RateLimitedByProvider) and error.retry_after is not None:
            return error.retry_after
        ceiling = min(
            self.settings.backoff_max_seconds, self.settings.backoff_base_seconds * 2.0**attempt
        )
        return ceiling * self._jitter()

    async def run(
        self,
        step: Step,
        call: Callable[[], Awaitable[T]],
        *,
        expires: float,
    ) -> T:
        """One chain step with its retries. Raises ProviderError (or StepSkipped) to move on."""
        loop = asyncio.get_running_loop()
        if step.provider.name == "offline":
            return await call()
        breaker = self.breakers[step.provider.name]
        attempt = 0
        while True:
            left = expires - loop.time() - DEADLINE_RESERVE_SECONDS
            if left <= 0:
                raise StepSkipped
            if not breaker.allow():
                LLM_ATTEMPTS.labels(step.provider.name, "breaker_open").inc()
                raise StepSkipped
            try:
                async with asyncio.timeout(left):
                    result = await call()
            except TimeoutError:
                self._failed(step, breaker, "timeout")
                raise StepSkipped from None
            except BadProviderRequest:
                breaker.release()
                LLM_ATTEMPTS.labels(step.provider.name, "rejected").inc()
                raise
            except ProviderError as error:
                self._failed(step, breaker, type(error).__name__)
                if not error.retryable or attempt >= self.settings.retries:
                    raise
                delay = self.backoff(attempt, error)
                if loop.time() + delay >= expires - DEADLINE_RESERVE_SECONDS:
                    raise
                await self._sleep(delay)
                attempt += 1
                continue
            except BaseException:
                breaker.release()
                raise
            breaker.success()
            LLM_BREAKER_STATE.labels(step.provider.name).set(breaker.state)
            LLM_ATTEMPTS.labels(step.provider.name, "ok").inc()
            return result

    def _failed(self, step: Step, breaker: CircuitBreaker, outcome: str) -> None:
        breaker.failure()
        LLM_BREAKER_STATE.labels(step.provider.name).set(breaker.state)
        LLM_ATTEMPTS.labels(step.provider.name, outcome).inc()

    async def stream_step(
        self, step: Step, request: ChatRequest, *, expires: float
    ) -> AsyncIterator[StreamChunk]:
        """Stream from one step. Before the first chunk a failure moves down the chain (the
        caller saw nothing yet); after it, the stream ends where it was cut, marked by its
        finish reason, because replaying from another model would repeat or contradict text
        the user already has."""
        loop = asyncio.get_running_loop()
        if step.provider.name == "offline":
            async for chunk in step.provider.stream(step.model, request):
                yield chunk
            return
        breaker = self.breakers[step.provider.name]
        if not breaker.allow():
            raise StepSkipped
        chunks = aiter(step.provider.stream(step.model, request))
        started = False
        try:
            while True:
                left = expires - loop.time() - DEADLINE_RESERVE_SECONDS
                if left <= 0:
                    raise TimeoutError
                async with asyncio.timeout(left):
                    chunk = await anext(chunks)
                started = True
                yield chunk
        except StopAsyncIteration:
            breaker.success()
            LLM_ATTEMPTS.labels(step.provider.name, "ok").inc()
        except (TimeoutError, ProviderError) as error:
            self._failed(step, breaker, type(error).__name__)
            if not started:
                raise StepSkipped from error
            reason = "deadline" if isinstance(error, TimeoutError) else "error"
            yield StreamChunk(finish_reason=reason)
        finally:
            await chunks.aclose()  # type: ignore[attr-defined]
