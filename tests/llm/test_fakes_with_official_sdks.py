"""The fakes speak the real protocols: the official SDKs complete chats and streams."""

from __future__ import annotations

import httpx
import openai
import pytest
from gigachat import GigaChat
from gigachat.models import Chat, Function, FunctionParameters, Messages, MessagesRole

from eventmaestro.llm.fakes import Fault, Reply
from tests.llm.conftest import GIGACHAT_KEY, RunningFake


def _gigachat(fake: RunningFake) -> GigaChat:
    return GigaChat(
        credentials=GIGACHAT_KEY,
        scope="GIGACHAT_API_PERS",
        base_url=f"{fake.url}/api/v1",
        auth_url=f"{fake.url}/api/v2/oauth",
        model="GigaChat-2",
    )


async def test_gigachat_sdk_chat_and_stream(gigachat_fake: RunningFake) -> None:
    async with _gigachat(gigachat_fake) as client:
        reply = await client.achat("Привет")
        chunks = [c async for c in client.astream("Как дела?")]
    assert reply.choices[0].message.content == "Echo: Привет"
    assert reply.usage.total_tokens > 0
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == "Echo: Как дела?"
    oauth = gigachat_fake.control.calls("/api/v2/oauth")
    assert len(oauth) == 1  # the token is reused for the second call
    assert oauth[0].headers["authorization"] == f"Basic {GIGACHAT_KEY}"
    assert oauth[0].body == {"scope": "GIGACHAT_API_PERS"}


async def test_gigachat_sdk_function_call_has_object_arguments(gigachat_fake: RunningFake) -> None:
    gigachat_fake.control.reply_next(
        Reply(tool_name="find_venue", tool_arguments={"city": "Казань"})
    )
    chat = Chat(
        messages=[Messages(role=MessagesRole.USER, content="Найди площадку в Казани")],
        functions=[
            Function(
                name="find_venue",
                description="Search venues",
                parameters=FunctionParameters(properties={"city": {"type": "string"}}),
            )
        ],
    )
    async with _gigachat(gigachat_fake) as client:
        reply = await client.achat(chat)
    call = reply.choices[0].message.function_call
    assert call is not None
    assert call.arguments == {"city": "Казань"}
    assert reply.choices[0].finish_reason == "function_call"


async def test_gigachat_rejects_oauth_without_rquid(gigachat_fake: RunningFake) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.post(
            f"{gigachat_fake.url}/api/v2/oauth",
            headers={"Authorization": f"Basic {GIGACHAT_KEY}"},
            data={"scope": "GIGACHAT_API_PERS"},
        )
    assert response.status_code == 400


def _openai(fake: RunningFake, **kwargs: object) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(api_key="sk-test", base_url=f"{fake.url}/v1", **kwargs)  # type: ignore[arg-type]


async def test_openai_sdk_chat_stream_tools_and_usage(openai_fake: RunningFake) -> None:
    async with _openai(openai_fake) as client:
        plain = await client.chat.completions.create(
            model="Qwen/Qwen3-32B", messages=[{"role": "user", "content": "Привет"}]
        )
        openai_fake.control.reply_next(Reply(tool_name="budget", tool_arguments={"guests": 150}))
        tool = await client.chat.completions.create(
            model="Qwen/Qwen3-32B",
            messages=[{"role": "user", "content": "Бюджет на 150 гостей"}],
            tools=[
                {
                    "type": "function",
                    "function": {"name": "budget", "parameters": {"type": "object"}},
                }
            ],
        )
        stream = await client.chat.completions.create(
            model="Qwen/Qwen3-32B",
            messages=[{"role": "user", "content": "Стрим"}],
            stream=True,
            stream_options={"include_usage": True},
        )
        chunks = [c async for c in stream]
    assert plain.choices[0].message.content == "Echo: Привет"
    assert plain.usage is not None
    assert plain.usage.total_tokens > 0
    call = tool.choices[0].message.tool_calls[0]  # type: ignore[index]
    assert call.function.name == "budget"
    assert call.function.arguments == '{"guests": 150}'
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "Echo: Стрим"
    assert chunks[-1].usage is not None


async def test_openai_sdk_json_schema_response_format(openai_fake: RunningFake) -> None:
    schema = {
        "type": "object",
        "properties": {"summary": {"type": "string"}, "guests": {"type": "integer", "minimum": 1}},
        "required": ["summary", "guests"],
    }
    async with _openai(openai_fake) as client:
        reply = await client.chat.completions.create(
            model="t-tech/T-pro-it-2.0",
            messages=[{"role": "user", "content": "Итог"}],
            response_format={"type": "json_schema", "json_schema": {"name": "x", "schema": schema}},
        )
    assert reply.choices[0].message.content == '{"summary": "Итог", "guests": 1}'


async def test_openai_sdk_sees_rate_limit_and_server_errors(openai_fake: RunningFake) -> None:
    openai_fake.control.fail_next(Fault.error(429, retry_after=1), Fault.error(500))
    async with _openai(openai_fake, max_retries=0) as client:
        with pytest.raises(openai.RateLimitError) as limited:
            await client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": "x"}]
            )
        with pytest.raises(openai.InternalServerError):
            await client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": "x"}]
            )
    assert limited.value.response.headers["retry-after"] == "1"


async def test_openai_sdk_sees_dropped_connection_and_malformed_json(
    openai_fake: RunningFake,
) -> None:
    openai_fake.control.fail_next(Fault.drop(), Fault.malformed())
    async with _openai(openai_fake, max_retries=0) as client:
        with pytest.raises(openai.APIConnectionError):
            await client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": "x"}]
            )
        with pytest.raises(Exception):  # noqa: B017, PT011 - the SDK surfaces a JSON error
            await client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": "x"}]
            )


async def test_yandex_openai_compatible_and_native(yandex_fake: RunningFake) -> None:
    async with openai.AsyncOpenAI(api_key="yc-key", base_url=f"{yandex_fake.url}/v1") as client:
        reply = await client.chat.completions.create(
            model="gpt://b1g/yandexgpt/latest", messages=[{"role": "user", "content": "Привет"}]
        )
    assert reply.choices[0].message.content == "Echo: Привет"
    async with httpx.AsyncClient() as http:
        native = await http.post(
            f"{yandex_fake.url}/foundationModels/v1/completion",
            headers={"Authorization": "Api-Key yc-key", "x-folder-id": "b1g"},
            json={
                "modelUri": "gpt://b1g/yandexgpt/latest",
                "completionOptions": {"stream": False, "temperature": 0.3, "maxTokens": "200"},
                "messages": [{"role": "user", "text": "Привет"}],
            },
        )
    result = native.json()["result"]
    assert result["alternatives"][0]["message"]["text"] == "Echo: Привет"
    assert isinstance(result["usage"]["inputTextTokens"], str)
