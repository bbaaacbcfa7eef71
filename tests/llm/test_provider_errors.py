"""Each provider turns wire failures into the same typed errors."""

from __future__ import annotations

import pytest

from eventmaestro.llm import ChatRequest, Message, TaskKind
from eventmaestro.llm.errors import (
    PaymentRequired,
    ProviderAuthError,
    ProviderError,
    ProviderUnavailable,
    RateLimitedByProvider,
)
from eventmaestro.llm.fakes import Fault
from eventmaestro.llm.providers.openai_compat import OpenAICompatibleProvider
from tests.llm.conftest import RunningFake
from tests.llm.helpers import gigachat_provider

REQUEST = ChatRequest(task=TaskKind.DIALOG, messages=(Message.user("Привет"),))
CASES = [
    (Fault.error(429, retry_after=3), RateLimitedByProvider),
    (Fault.error(402), PaymentRequired),
    (Fault.error(500), ProviderUnavailable),
    (Fault.error(503), ProviderUnavailable),
    (Fault.drop(), ProviderUnavailable),
    (Fault.malformed(), ProviderUnavailable),
]


@pytest.mark.parametrize(("fault", "error"), CASES)
async def test_gigachat_errors(
    gigachat_fake: RunningFake, fault: Fault, error: type[ProviderError]
) -> None:
    provider = gigachat_provider(gigachat_fake)
    gigachat_fake.control.fail_next(fault)
    with pytest.raises(error) as raised:
        await provider.chat("GigaChat-2", REQUEST)
    if isinstance(raised.value, RateLimitedByProvider):
        assert raised.value.retry_after == 3
    await provider.close()


@pytest.mark.parametrize(("fault", "error"), CASES)
async def test_openai_compatible_errors(
    openai_fake: RunningFake, fault: Fault, error: type[ProviderError]
) -> None:
    provider = OpenAICompatibleProvider("tpro", base_url=f"{openai_fake.url}/v1", api_key="sk-test")
    openai_fake.control.fail_next(fault)
    with pytest.raises(error) as raised:
        await provider.chat("t-tech/T-pro-it-2.0", REQUEST)
    if isinstance(raised.value, RateLimitedByProvider):
        assert raised.value.retry_after == 3
    await provider.close()


async def test_wrong_key_is_an_auth_error(openai_fake: RunningFake) -> None:
    provider = OpenAICompatibleProvider("tpro", base_url=f"{openai_fake.url}/v1", api_key="wrong")
    with pytest.raises(ProviderAuthError):
        await provider.chat("t-tech/T-pro-it-2.0", REQUEST)
    await provider.close()
