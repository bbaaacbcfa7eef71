"""Gateway overhead per call: the same fake on loopback, called directly with the official SDK
and through `LLMGateway`, interleaved in one run so both see the same machine state.

    .venv/bin/python benchmarks/bench_llm_gateway.py [--calls 2000]

Prints p50/p95 per path and the added latency. The fake runs in the same process and event
loop, so the figures are client + server CPU on loopback; the difference is the gateway's own
work (routing, breaker, deadline bookkeeping, privacy scan, metrics).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable

import openai
from gigachat import GigaChat
from gigachat.models import Chat, Messages, MessagesRole

from eventmaestro.llm import LLMGateway, Message, TaskKind
from eventmaestro.llm.config import LLMSettings, PrivacyPolicy, ProviderConfig
from eventmaestro.llm.fakes import FakeControl, running_fake
from eventmaestro.llm.fakes.gigachat import create_gigachat_fake
from eventmaestro.llm.fakes.openai import create_openai_fake
from eventmaestro.llm.providers.gigachat import GigaChatProvider

KEY = "Y2xpZW50LWlkOmNsaWVudC1zZWNyZXQ="
TEXT = "Составь короткое приглашение на конференцию в Казани"


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def measure(
    calls: int, paths: dict[str, Callable[[], Awaitable[object]]]
) -> dict[str, list[float]]:
    for call in paths.values():  # warm up connections, tokens, lazy imports
        for _ in range(50):
            await call()
    samples: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(calls):
        for name, call in paths.items():
            started = time.perf_counter()
            await call()
            samples[name].append(time.perf_counter() - started)
    return samples


def report(title: str, samples: dict[str, list[float]], baseline: str) -> None:
    print(f"\n{title}")
    print(f"{'path':<34}{'p50 ms':>9}{'p95 ms':>9}{'added p50':>11}{'added p95':>11}")
    base50, base95 = pct(samples[baseline], 0.5), pct(samples[baseline], 0.95)
    for name, values in samples.items():
        p50, p95 = pct(values, 0.5), pct(values, 0.95)
        print(f"{name:<34}{p50:>9.3f}{p95:>9.3f}{p50 - base50:>11.3f}{p95 - base95:>11.3f}")
    print(f"(mean of all samples: {statistics.fmean(samples[baseline]) * 1000:.3f} ms baseline)")


async def bench_openai(calls: int) -> None:
    async with running_fake(create_openai_fake(FakeControl())) as url:
        sdk = openai.AsyncOpenAI(api_key="sk", base_url=f"{url}/v1", max_retries=0)
        provider = ProviderConfig.model_validate(
            {"kind": "openai", "base_url": f"{url}/v1", "api_key": "sk"}
        )
        gateways = {
            privacy: LLMGateway(
                LLMSettings(providers={"tpro": provider}, privacy=privacy, retries=0)
            )
            for privacy in (PrivacyPolicy.OFF, PrivacyPolicy.MASK)
        }
        await gateways[PrivacyPolicy.MASK].start()
        messages = [Message.user(TEXT)]

        async def direct() -> object:
            return await sdk.chat.completions.create(
                model="t-tech/T-pro-it-2.0", messages=[{"role": "user", "content": TEXT}]
            )

        def via(privacy: PrivacyPolicy) -> Callable[[], Awaitable[object]]:
            return lambda: gateways[privacy].chat(TaskKind.FINANCE, messages, within=5)

        samples = await measure(
            calls,
            {
                "openai SDK direct": direct,
                "gateway, privacy off": via(PrivacyPolicy.OFF),
                "gateway, privacy mask (NER)": via(PrivacyPolicy.MASK),
            },
        )
        report("OpenAI-compatible fake (T-Pro route)", samples, "openai SDK direct")
        await sdk.close()
        for gateway in gateways.values():
            await gateway.close()


async def bench_gigachat(calls: int) -> None:
    async with running_fake(create_gigachat_fake(FakeControl())) as url:
        options = {"base_url": f"{url}/api/v1", "auth_url": f"{url}/api/v2/oauth"}
        sdk = GigaChat(credentials=KEY, max_retries=0, **options)
        gateway = LLMGateway(
            LLMSettings(privacy=PrivacyPolicy.OFF, retries=0),
            providers={"gigachat": GigaChatProvider(credentials=KEY, **options)},
        )
        chat = Chat(
            model="GigaChat-2-Max", messages=[Messages(role=MessagesRole.USER, content=TEXT)]
        )

        async def direct() -> object:
            return await sdk.achat(chat)

        async def via() -> object:
            return await gateway.chat(TaskKind.PLANNING, [Message.user(TEXT)], within=5)

        samples = await measure(calls, {"gigachat SDK direct": direct, "gateway, privacy off": via})
        report("GigaChat fake (planning route)", samples, "gigachat SDK direct")
        await sdk.aclose()
        await gateway.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    await bench_openai(args.calls)
    await bench_gigachat(args.calls)


if __name__ == "__main__":
    asyncio.run(main())
