"""Gateways wired to the loopback fakes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from eventmaestro.llm.config import LLMSettings, ProviderConfig
from eventmaestro.llm.contracts import TaskKind
from eventmaestro.llm.fakes import FakeControl, running_fake
from eventmaestro.llm.fakes.openai import create_openai_fake
from eventmaestro.llm.gateway import LLMGateway
from eventmaestro.llm.providers.gigachat import GigaChatProvider
from tests.llm.conftest import GIGACHAT_KEY, RunningFake


def gigachat_provider(fake: RunningFake, **kwargs: Any) -> GigaChatProvider:
    return GigaChatProvider(
        credentials=GIGACHAT_KEY,
        base_url=f"{fake.url}/api/v1",
        auth_url=f"{fake.url}/api/v2/oauth",
        **kwargs,
    )


def settings(**overrides: Any) -> LLMSettings:
    values: dict[str, Any] = {"providers": {}, "retries": 0, "backoff_base_seconds": 0.01}
    values.update(overrides)
    return LLMSettings(**values)


def gigachat_gateway(fake: RunningFake, **overrides: Any) -> LLMGateway:
    return LLMGateway(settings(**overrides), providers={"gigachat": gigachat_provider(fake)})


def openai_config(fake: RunningFake, *, cloud: bool = True) -> ProviderConfig:
    return ProviderConfig.model_validate(
        {"kind": "openai", "base_url": f"{fake.url}/v1", "api_key": "sk-test", "cloud": cloud}
    )


@asynccontextmanager
async def scripted_model(task: TaskKind) -> AsyncIterator[tuple[FakeControl, LLMGateway]]:
    """A gateway whose model for `task` is the OpenAI-protocol fake on loopback, answering
    what the test scripts with `control.reply_next(...)` (the offline engine stays last)."""
    control = FakeControl(api_key="sk-test")
    async with running_fake(create_openai_fake(control)) as url:
        gateway = LLMGateway(
            settings(
                providers={
                    "house": ProviderConfig.model_validate(
                        {"kind": "openai", "base_url": f"{url}/v1", "api_key": "sk-test"}
                    )
                },
                routes={task: ["house:scripted"]},
                privacy="off",
            )
        )
        try:
            yield control, gateway
        finally:
            await gateway.close()
