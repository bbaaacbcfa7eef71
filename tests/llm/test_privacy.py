"""Personal data never reaches a cloud model unmasked, and the user's answer has it back."""

from __future__ import annotations

import pytest

from eventmaestro.llm import LLMGateway, Message, TaskKind
from eventmaestro.llm.config import PrivacyPolicy
from eventmaestro.llm.fakes import Reply
from eventmaestro.llm.privacy import (
    Masker,
    StreamRestorer,
    find_personal_data,
    inn_valid,
    luhn_valid,
    snils_valid,
)
from tests.llm.conftest import RunningFake
from tests.llm.helpers import openai_config, settings

CLIENT = "Иванов Иван Иванович, +7 916 123-45-67, ivan@example.ru, паспорт 4510 123456"
VALUES = ("Иванов", "Иван Иванович", "916 123-45-67", "ivan@example.ru", "4510 123456")


def _dialog_gateway(fake: RunningFake, **overrides: object) -> LLMGateway:
    return LLMGateway(settings(providers={"cotype": openai_config(fake)}, **overrides))


async def test_cloud_model_sees_placeholders_and_the_answer_is_restored(
    openai_fake: RunningFake,
) -> None:
    gateway = _dialog_gateway(openai_fake)
    reply = await gateway.chat(TaskKind.DIALOG, [Message.user(f"Составь письмо: {CLIENT}")])
    sent = openai_fake.control.sent_text()
    assert reply.provider == "cotype"
    for value in VALUES:
        assert value not in sent
    assert "[PERSON_1]" in sent
    assert "[PASSPORT_1]" in sent
    assert reply.content == f"Echo: Составь письмо: {CLIENT}"
    await gateway.close()


async def test_restores_in_streams_and_tool_arguments(openai_fake: RunningFake) -> None:
    gateway = _dialog_gateway(openai_fake)
    openai_fake.control.stream_chunks = 17  # cut placeholders in half
    chunks = [c async for c in gateway.stream(TaskKind.DIALOG, [Message.user(CLIENT)])]
    assert "".join(c.delta for c in chunks) == f"Echo: {CLIENT}"
    for value in VALUES:
        assert value not in openai_fake.control.sent_text()
    await gateway.close()


async def test_route_private_policy_keeps_personal_data_off_the_cloud(
    openai_fake: RunningFake,
) -> None:
    local = openai_config(openai_fake, cloud=False)
    gateway = LLMGateway(
        settings(
            providers={"cotype": openai_config(openai_fake), "local": local},
            privacy=PrivacyPolicy.ROUTE_PRIVATE,
        )
    )
    openai_fake.control.reply_next(Reply("ok"))
    reply = await gateway.chat(TaskKind.DIALOG, [Message.user(CLIENT)])
    assert reply.provider == "local"
    [request] = openai_fake.control.calls("/chat/completions")
    assert request.body["model"] == "llama3.1:8b"
    await gateway.close()


def test_finds_each_kind_of_identifier() -> None:
    text = (
        "Dr. Smith и Мария Петрова; ИНН 7707083893; СНИЛС 112-233-445 95; "
        "карта 4111 1111 1111 1111; тел. 8 (495) 123-45-67"
    )
    kinds = [f.kind for f in find_personal_data(text)]
    assert kinds == ["PERSON", "PERSON", "INN", "SNILS", "CARD", "PHONE"]


@pytest.mark.parametrize(
    "text",
    ["Бюджет 2000000 рублей на 150 гостей", "Счёт 1234567890", "20.12.2026 в 19:00"],
)
def test_ordinary_numbers_are_not_personal_data(text: str) -> None:
    assert find_personal_data(text) == []


def test_checksums() -> None:
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
    assert inn_valid("7707083893")
    assert inn_valid("500100732259")
    assert not inn_valid("7707083894")
    assert snils_valid("11223344595")


def test_same_value_same_placeholder_and_split_placeholders_restore() -> None:
    masker = Masker()
    masked = masker.mask("ivan@example.ru и снова ivan@example.ru")
    assert masked == "[EMAIL_1] и снова [EMAIL_1]"
    restorer = StreamRestorer(masker)
    out = restorer.feed("Пишу на [EMA") + restorer.feed("IL_1] сегодня") + restorer.flush()
    assert out == "Пишу на ivan@example.ru сегодня"
