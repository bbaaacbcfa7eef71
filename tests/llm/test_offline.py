"""With no credentials at all, every task kind still answers — through the offline engine."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field

from eventmaestro.llm import LLMGateway, Message, TaskKind
from eventmaestro.llm.config import LLMSettings
from eventmaestro.llm.providers.offline import sentiment_label
from eventmaestro.llm.schema_fill import fill_schema


class Proposal(BaseModel):
    summary: str = Field(max_length=40)
    guests: int = Field(ge=10)
    tone: str = Field(pattern="^(formal|friendly)$", default="formal")
    items: list[str] = Field(min_length=2)


@pytest.fixture
def gateway() -> LLMGateway:
    return LLMGateway(LLMSettings())  # the shipped defaults: nothing has credentials


@pytest.mark.parametrize("task", list(TaskKind))
async def test_every_task_kind_answers_offline(gateway: LLMGateway, task: TaskKind) -> None:
    reply = await gateway.chat(task, [Message.user("Корпоратив на 150 человек в Казани")])
    assert reply.provider == "offline"
    assert reply.content
    assert reply.usage.prompt_tokens > 0


async def test_offline_is_deterministic_and_structured(gateway: LLMGateway) -> None:
    messages = [Message.user("Предложение для клиента на свадьбу")]
    first = await gateway.structured(TaskKind.DIALOG, messages, Proposal)
    second = await gateway.structured(TaskKind.DIALOG, messages, Proposal)
    assert first == second
    assert first.guests == 10
    assert len(first.items) == 2
    assert first.summary == "Предложение для клиента на свадьбу"


async def test_offline_stream_and_embeddings(gateway: LLMGateway) -> None:
    chunks = [
        c async for c in gateway.stream(TaskKind.PLANNING, [Message.user("План конференции")])
    ]
    assert "".join(c.delta for c in chunks).startswith("План по запросу")
    assert chunks[-1].finish_reason == "stop"
    vectors = await gateway.embed(["площадка в Казани", "площадка в Казани", "кейтеринг"])
    assert vectors.vectors[0] == vectors.vectors[1] != vectors.vectors[2]


def test_sentiment_rules() -> None:
    assert sentiment_label("Всё было отлично, спасибо!") == "positive"
    assert sentiment_label("Было скучно и холодно") == "negative"
    assert sentiment_label("Мероприятие прошло в субботу") == "neutral"


def test_schema_fill_resolves_refs_and_nullable() -> None:
    schema = {
        "$defs": {"City": {"type": "object", "properties": {"name": {"type": "string"}}}},
        "type": "object",
        "properties": {
            "city": {"$ref": "#/$defs/City"},
            "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "kind": {"enum": ["a", "b"]},
        },
    }
    assert fill_schema(schema, text="x") == {"city": {"name": ""}, "note": "", "kind": "a"}
