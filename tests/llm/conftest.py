"""Fakes on loopback for the gateway's tests: each test gets a fresh control."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from eventmaestro.llm.fakes import FakeControl, running_fake
from eventmaestro.llm.fakes.gigachat import create_gigachat_fake
from eventmaestro.llm.fakes.openai import create_openai_fake
from eventmaestro.llm.fakes.yandex import create_yandex_fake
from eventmaestro.llm.privacy import load_name_model

GIGACHAT_KEY = "Y2xpZW50LWlkOmNsaWVudC1zZWNyZXQ="  # base64("client-id:client-secret")


@dataclass
class RunningFake:
    url: str
    control: FakeControl


@pytest.fixture(scope="session", autouse=True)
def _name_model_loaded() -> None:
    """Once per run, so no deadline test pays the model's load time."""
    load_name_model()


@pytest.fixture
async def gigachat_fake() -> AsyncIterator[RunningFake]:
    control = FakeControl()
    async with running_fake(create_gigachat_fake(control)) as url:
        yield RunningFake(url, control)


@pytest.fixture
async def openai_fake() -> AsyncIterator[RunningFake]:
    control = FakeControl(api_key="sk-test")
    async with running_fake(create_openai_fake(control)) as url:
        yield RunningFake(url, control)


@pytest.fixture
async def yandex_fake() -> AsyncIterator[RunningFake]:
    control = FakeControl(api_key="yc-key")
    async with running_fake(create_yandex_fake(control)) as url:
        yield RunningFake(url, control)
