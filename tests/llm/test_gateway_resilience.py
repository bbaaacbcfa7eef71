"""Routing against the fakes on loopback: auth, retries, fallback, breaker, deadline, cache."""

from __future__ import annotations

import asyncio
import time

import pytest

from eventmaestro.kit.cache.memory import MemoryCache
from eventmaestro.llm import LLMGateway, Message, TaskKind
from eventmaestro.llm.breaker import BreakerState
from eventmaestro.llm.fakes import Fault
from tests.llm.conftest import RunningFake
from tests.llm.helpers import gigachat_gateway, gigachat_provider, settings

HELLO = [Message.user("Привет")]


async def test_token_is_reused_then_refreshed_before_expiry(gigachat_fake: RunningFake) -> None:
    provider = gigachat_provider(gigachat_fake, token_refresh_margin_seconds=60)
    gateway = LLMGateway(settings(), providers={"gigachat": provider})
    gigachat_fake.control.token_ttl_seconds = 600
    await gateway.chat(TaskKind.PLANNING, HELLO)
    await gateway.chat(TaskKind.PLANNING, HELLO)
    assert len(gigachat_fake.control.calls("/oauth")) == 1
    # A token that would expire within the refresh margin is replaced before it lapses.
    gigachat_fake.control.token_ttl_seconds = 30
    provider._client._access_token = None
    await gateway.chat(TaskKind.PLANNING, HELLO)
    await gateway.chat(TaskKind.PLANNING, HELLO)
    assert len(gigachat_fake.control.calls("/oauth")) == 3
    await gateway.close()


async def test_reauthenticates_once_after_401(gigachat_fake: RunningFake) -> None:
    gateway = gigachat_gateway(gigachat_fake)
    await gateway.chat(TaskKind.PLANNING, HELLO)
    first = gigachat_fake.control.calls("/chat/completions")[0]
    gigachat_fake.control.revoked_tokens.add(first.headers["authorization"].split()[1])
    reply = await gateway.chat(TaskKind.PLANNING, HELLO)
    assert reply.provider == "gigachat"
    assert not reply.fallback
    assert len(gigachat_fake.control.calls("/oauth")) == 2
    await gateway.close()


@pytest.mark.parametrize(
    "fault",
    [Fault.error(500), Fault.error(402), Fault.error(429), Fault.drop(), Fault.malformed()],
    ids=["500", "402", "429", "drop", "malformed"],
)
async def test_falls_back_to_the_next_model(gigachat_fake: RunningFake, fault: Fault) -> None:
    gateway = gigachat_gateway(gigachat_fake)
    gigachat_fake.control.fail_next(fault)
    reply = await gateway.chat(TaskKind.PLANNING, HELLO)
    assert (reply.provider, reply.model, reply.fallback) == ("gigachat", "GigaChat-2", True)
    models = [r.body["model"] for r in gigachat_fake.control.calls("/chat/completions")]
    assert models == ["GigaChat-2-Max", "GigaChat-2"]
    await gateway.close()


async def test_falls_back_on_timeout_within_the_deadline(gigachat_fake: RunningFake) -> None:
    gateway = gigachat_gateway(gigachat_fake)
    gigachat_fake.control.persistent.append(Fault.latency(1))
    started = time.perf_counter()
    reply = await gateway.chat(TaskKind.PLANNING, HELLO, within=0.3)
    assert reply.provider == "offline"
    assert reply.fallback
    assert time.perf_counter() - started < 0.35
    await gateway.close()


async def test_retry_honours_retry_after(gigachat_fake: RunningFake) -> None:
    gateway = gigachat_gateway(gigachat_fake, retries=2)
    gigachat_fake.control.fail_next(Fault.error(429, retry_after=0.2))
    started = time.perf_counter()
    reply = await gateway.chat(TaskKind.PLANNING, HELLO)
    assert reply.model == "GigaChat-2-Max"
    assert not reply.fallback
    assert time.perf_counter() - started >= 0.2
    await gateway.close()


async def test_retry_after_beyond_the_deadline_moves_on_at_once(
    gigachat_fake: RunningFake,
) -> None:
    gateway = gigachat_gateway(gigachat_fake, retries=2)
    gigachat_fake.control.fail_next(Fault.error(429, retry_after=30))
    started = time.perf_counter()
    reply = await gateway.chat(TaskKind.PLANNING, HELLO, within=2)
    assert reply.model == "GigaChat-2"
    assert reply.fallback
    assert time.perf_counter() - started < 1
    await gateway.close()


async def test_breaker_opens_and_recovers(gigachat_fake: RunningFake) -> None:
    gateway = gigachat_gateway(gigachat_fake, breaker_failures=2, breaker_reset_seconds=0.2)
    control = gigachat_fake.control
    control.persistent.append(Fault.error(500))
    first = await gateway.chat(TaskKind.PLANNING, HELLO)  # Max fails, GigaChat-2 fails
    assert first.provider == "offline"
    breaker = gateway.router.breakers["gigachat"]
    assert breaker.state is BreakerState.OPEN
    calls = len(control.calls("/chat/completions"))
    skipped = await gateway.chat(TaskKind.PLANNING, HELLO)
    assert skipped.provider == "offline"
    assert len(control.calls("/chat/completions")) == calls  # not even tried while open
    control.persistent.clear()
    await asyncio.sleep(0.25)
    recovered = await gateway.chat(TaskKind.PLANNING, HELLO)  # the half-open probe
    assert recovered.provider == "gigachat"
    assert not recovered.fallback
    assert breaker.state is BreakerState.CLOSED
    await gateway.close()


@pytest.mark.parametrize(
    "faults",
    [
        [Fault.latency(1)],
        [Fault.slow_stream(0.5)],
        [Fault.error(429, retry_after=0.2)],
        [Fault.error(500)],
        [Fault.drop()],
    ],
    ids=["latency", "slow-stream", "429", "500", "drop"],
)
@pytest.mark.parametrize("streaming", [False, True], ids=["chat", "stream"])
async def test_a_300ms_deadline_is_never_overrun(
    gigachat_fake: RunningFake, faults: list[Fault], streaming: bool
) -> None:
    gateway = gigachat_gateway(gigachat_fake, retries=5, backoff_base_seconds=0.08)
    gigachat_fake.control.stream_chunks = 8
    await gateway.chat(TaskKind.SENTIMENT, HELLO)  # authenticate outside the measurement
    gigachat_fake.control.persistent.extend(faults)
    started = time.perf_counter()
    if streaming:
        chunks = [c async for c in gateway.stream(TaskKind.PLANNING, HELLO, within=0.3)]
        assert chunks[-1].finish_reason is not None
    else:
        reply = await gateway.chat(TaskKind.PLANNING, HELLO, within=0.3)
        assert reply.content
    assert time.perf_counter() - started < 0.35
    await gateway.close()


async def test_stream_survives_a_slow_stream(gigachat_fake: RunningFake) -> None:
    gateway = gigachat_gateway(gigachat_fake)
    gigachat_fake.control.fail_next(Fault.slow_stream(0.05))
    gigachat_fake.control.stream_chunks = 6
    chunks = [c async for c in gateway.stream(TaskKind.PLANNING, HELLO, within=5)]
    assert "".join(c.delta for c in chunks) == "Echo: Привет"
    assert chunks[-1].finish_reason == "stop"
    assert chunks[-1].usage is not None
    await gateway.close()


async def test_cache_hit_avoids_a_second_upstream_call(gigachat_fake: RunningFake) -> None:
    gateway = LLMGateway(
        settings(), providers={"gigachat": gigachat_provider(gigachat_fake)}, cache=MemoryCache()
    )
    first = await gateway.chat(TaskKind.PLANNING, HELLO, temperature=0)
    second = await gateway.chat(TaskKind.PLANNING, HELLO, temperature=0)
    varied = await gateway.chat(TaskKind.PLANNING, HELLO, temperature=0.7)
    assert second.content == first.content
    assert second.cached
    assert not first.cached
    assert not varied.cached
    assert len(gigachat_fake.control.calls("/chat/completions")) == 2
    await gateway.close()
