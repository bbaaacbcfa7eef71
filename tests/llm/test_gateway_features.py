"""Structured output with repair, tools on both wire formats, YandexGPT, embeddings."""

from __future__ import annotations

from pydantic import BaseModel

from eventmaestro.llm import LLMGateway, Message, TaskKind, ToolSpec
from eventmaestro.llm.config import ProviderConfig
from eventmaestro.llm.fakes import Fault, Reply
from tests.llm.conftest import RunningFake
from tests.llm.helpers import gigachat_gateway, openai_config, settings

VENUE_TOOL = ToolSpec(
    name="find_venue",
    description="Search venues",
    parameters={"type": "object", "properties": {"city": {"type": "string"}}},
)


class Intent(BaseModel):
    intent: str
    confidence: float


async def test_structured_output_gets_one_repair_round(openai_fake: RunningFake) -> None:
    gateway = LLMGateway(settings(providers={"tpro": openai_config(openai_fake)}))
    openai_fake.control.reply_next(
        Reply('{"intent": "estimate_budget"}'),
        Reply('{"intent": "estimate_budget", "confidence": 0.9}'),
    )
    result = await gateway.structured(TaskKind.FINANCE, [Message.user("Смета")], Intent)
    assert result == Intent(intent="estimate_budget", confidence=0.9)
    first, repair = openai_fake.control.calls("/chat/completions")
    assert first.body["response_format"]["type"] == "json_schema"
    assert "does not match the JSON schema" in repair.body["messages"][-1]["content"]
    await gateway.close()


async def test_structured_output_falls_back_to_offline_after_a_failed_repair(
    openai_fake: RunningFake,
) -> None:
    gateway = LLMGateway(settings(providers={"tpro": openai_config(openai_fake)}))
    openai_fake.control.reply_next(Reply("not json"), Reply("still not json"))
    result = await gateway.structured(TaskKind.FINANCE, [Message.user("Смета")], Intent)
    assert result == Intent(intent="", confidence=0.0)
    await gateway.close()


async def test_tool_calls_from_openai_compatible_and_gigachat(
    openai_fake: RunningFake, gigachat_fake: RunningFake
) -> None:
    openai_gateway = LLMGateway(settings(providers={"tpro": openai_config(openai_fake)}))
    openai_fake.control.reply_next(Reply(tool_name="find_venue", tool_arguments={"city": "Казань"}))
    giga = gigachat_gateway(gigachat_fake)
    gigachat_fake.control.reply_next(
        Reply(tool_name="find_venue", tool_arguments={"city": "Казань"})
    )
    for gateway, task in ((openai_gateway, TaskKind.FINANCE), (giga, TaskKind.PLANNING)):
        reply = await gateway.chat(task, [Message.user("Площадка в Казани")], tools=[VENUE_TOOL])
        [call] = reply.tool_calls
        assert (call.name, call.arguments) == ("find_venue", {"city": "Казань"})
        await gateway.close()
    sent_tools = openai_fake.control.calls("/chat/completions")[0].body["tools"]
    assert sent_tools[0]["function"]["name"] == "find_venue"
    sent_functions = gigachat_fake.control.calls("/chat/completions")[0].body["functions"]
    assert sent_functions[0]["name"] == "find_venue"


async def test_yandexgpt_through_its_openai_compatible_endpoint(yandex_fake: RunningFake) -> None:
    yandex = ProviderConfig.model_validate(
        {
            "kind": "yandex",
            "base_url": f"{yandex_fake.url}/v1",
            "api_key": "yc-key",
            "folder_id": "b1g",
        }
    )
    gateway = LLMGateway(settings(providers={"yandex": yandex}))
    reply = await gateway.chat(TaskKind.SEARCH, [Message.user("Площадки Казани")])
    assert reply.provider == "yandex"
    assert reply.content == "Echo: Площадки Казани"
    [request] = yandex_fake.control.calls("/chat/completions")
    assert request.body["model"] == "gpt://b1g/yandexgpt/latest"
    assert request.headers["openai-project"] == "b1g"
    await gateway.close()


async def test_embeddings_through_gigachat(gigachat_fake: RunningFake) -> None:
    gateway = gigachat_gateway(gigachat_fake)
    result = await gateway.embed(["площадка", "кейтеринг"])
    assert result.provider == "gigachat"
    assert len(result.vectors) == 2
    await gateway.close()


async def test_check_pings_providers(gigachat_fake: RunningFake) -> None:
    gateway = gigachat_gateway(gigachat_fake)
    statuses = {s.name: s for s in await gateway.check()}
    assert statuses["gigachat"].ok
    assert "GigaChat-2-Max" in statuses["gigachat"].detail
    gigachat_fake.control.persistent.append(Fault.error(500))
    failing = {s.name: s for s in await gateway.check()}
    assert not failing["gigachat"].ok
    assert "500" in failing["gigachat"].detail
    await gateway.close()


async def test_prometheus_metrics_count_attempts_and_fallbacks(gigachat_fake: RunningFake) -> None:
    from prometheus_client import REGISTRY

    def sample(name: str, labels: dict[str, str]) -> float:
        return REGISTRY.get_sample_value(name, labels) or 0.0

    fallbacks = sample("maestro_llm_fallbacks_total", {"task": "planning"})
    failures = sample(
        "maestro_llm_attempts_total", {"provider": "gigachat", "outcome": "ProviderUnavailable"}
    )
    gateway = gigachat_gateway(gigachat_fake)
    gigachat_fake.control.fail_next(Fault.error(503))
    await gateway.chat(TaskKind.PLANNING, [Message.user("Привет")])
    assert sample("maestro_llm_fallbacks_total", {"task": "planning"}) == fallbacks + 1
    assert (
        sample(
            "maestro_llm_attempts_total", {"provider": "gigachat", "outcome": "ProviderUnavailable"}
        )
        == failures + 1
    )
    assert sample("maestro_llm_breaker_state", {"provider": "gigachat"}) == 0
    await gateway.close()


async def test_an_invalid_structured_answer_is_not_served_from_the_cache(
    openai_fake: RunningFake,
) -> None:
    from eventmaestro.kit.cache.memory import MemoryCache

    gateway = LLMGateway(
        settings(providers={"tpro": openai_config(openai_fake)}), cache=MemoryCache()
    )
    valid = Reply('{"intent": "faq", "confidence": 1.0}')
    openai_fake.control.reply_next(Reply("broken"), valid, valid)
    first = await gateway.structured(TaskKind.FINANCE, [Message.user("Вопрос")], Intent)
    second = await gateway.structured(TaskKind.FINANCE, [Message.user("Вопрос")], Intent)
    assert first == second == Intent(intent="faq", confidence=1.0)
    assert len(openai_fake.control.calls("/chat/completions")) == 3
    await gateway.close()
