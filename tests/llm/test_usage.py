"""The usage ledger: exact rouble cost per call, the usage API, and monthly limits."""

from __future__ import annotations

import uuid
from decimal import Decimal

import httpx
import pytest

from eventmaestro.kit.platform import Platform
from eventmaestro.llm import LLMGateway, Message, TaskKind
from eventmaestro.llm.config import Limits, Price
from eventmaestro.llm.errors import LLMLimitExceededError
from eventmaestro.llm.fakes import Reply
from eventmaestro.llm.runtime import gateway_for
from eventmaestro.llm.usage import DatabaseUsageSink
from tests.api.helpers import bearer, register
from tests.llm.conftest import RunningFake
from tests.llm.helpers import openai_config, settings


async def _org_id(client: httpx.AsyncClient, token: str) -> uuid.UUID:
    me = await client.get("/api/v1/auth/me", headers=bearer(token))
    return uuid.UUID(me.json()["organization"]["id"])


async def test_ledger_cost_is_exact_and_reported_by_model_task_and_day(
    client: httpx.AsyncClient, clean_platform: Platform, openai_fake: RunningFake
) -> None:
    token = (await register(client))["access_token"]
    org = await _org_id(client, token)
    llm = settings(
        providers={"tpro": openai_config(openai_fake)},
        prices={"tpro:t-tech/T-pro-it-2.0": Price(input=Decimal("1.10"), output=Decimal("3.30"))},
    )
    gateway = LLMGateway(llm, usage=DatabaseUsageSink(clean_platform.sessionmaker, llm))
    openai_fake.control.reply_next(Reply("один два три"))  # 3 completion tokens
    reply = await gateway.chat(TaskKind.FINANCE, [Message.user("Смета на банкет")], org_id=org)
    await gateway.chat(TaskKind.DIALOG, [Message.user("Привет")], org_id=org)  # offline, free
    assert reply.usage.prompt_tokens == 3
    # 3 × 1.10 / 1000 + 3 × 3.30 / 1000 = 0.0132 ₽, to the last digit
    response = await client.get("/api/v1/llm/usage?group_by=model", headers=bearer(token))
    assert response.status_code == 200, response.text
    report = response.json()
    by_model = {row["key"]: row for row in report["rows"]}
    assert Decimal(by_model["tpro:t-tech/T-pro-it-2.0"]["cost_rub"]) == Decimal("0.0132")
    assert by_model["tpro:t-tech/T-pro-it-2.0"]["completion_tokens"] == 3
    assert by_model["offline:rules"]["calls"] == 1
    assert Decimal(report["total"]["cost_rub"]) == Decimal("0.0132")
    by_task = await client.get("/api/v1/llm/usage?group_by=task", headers=bearer(token))
    assert [r["key"] for r in by_task.json()["rows"]] == ["dialog", "finance"]
    by_day = await client.get("/api/v1/llm/usage", headers=bearer(token))
    assert by_day.json()["rows"][0]["calls"] == 2
    other = (await register(client, organization="Другая"))["access_token"]
    theirs = await client.get("/api/v1/llm/usage", headers=bearer(other))
    assert theirs.json()["rows"] == []
    await gateway.close()


async def test_monthly_token_limit_stops_calls_with_a_clear_error(
    client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    token = (await register(client))["access_token"]
    org = await _org_id(client, token)
    llm = settings(org_limits={org: Limits(monthly_tokens=5)})
    gateway = LLMGateway(llm, usage=DatabaseUsageSink(clean_platform.sessionmaker, llm))
    await gateway.chat(
        TaskKind.DIALOG, [Message.user("Сколько стоит банкет на сто гостей")], org_id=org
    )
    with pytest.raises(LLMLimitExceededError, match="LLM tokens"):
        await gateway.chat(TaskKind.DIALOG, [Message.user("Ещё вопрос")], org_id=org)


async def test_usage_rejects_a_reversed_range(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    response = await client.get(
        "/api/v1/llm/usage?date_from=2026-12-02&date_to=2026-12-01", headers=bearer(token)
    )
    assert response.status_code == 422
    assert (
        await client.get("/api/v1/llm/usage?group_by=week", headers=bearer(token))
    ).status_code == 422


async def test_the_platform_gateway_books_usage_and_caches_in_the_platform_cache(
    client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    token = (await register(client))["access_token"]
    org = await _org_id(client, token)
    gateway = gateway_for(clean_platform, settings())
    question = [Message.user("Сколько гостей поместится в зал?")]
    first = await gateway.chat(TaskKind.PLANNING, question, temperature=0, org_id=org)
    second = await gateway.chat(TaskKind.PLANNING, question, temperature=0, org_id=org)
    assert (first.cached, second.cached) == (False, True)
    report = (await client.get("/api/v1/llm/usage?group_by=task", headers=bearer(token))).json()
    assert report["rows"][0]["calls"] == 2
    await gateway.close()


async def test_monthly_rouble_limit_stops_calls(
    client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    token = (await register(client))["access_token"]
    org = await _org_id(client, token)
    llm = settings(
        org_limits={org: Limits(monthly_roubles=Decimal("0.01"))},
        prices={"offline:rules": Price(input=Decimal("1000"), output=Decimal("0"))},
    )
    gateway = LLMGateway(llm, usage=DatabaseUsageSink(clean_platform.sessionmaker, llm))
    await gateway.chat(TaskKind.DIALOG, [Message.user("Один вопрос")], org_id=org)
    with pytest.raises(LLMLimitExceededError, match="₽"):
        await gateway.chat(TaskKind.DIALOG, [Message.user("Второй вопрос")], org_id=org)
