"""A configured language model reads messages and words answers for Maestro; code checks
both. The model is the OpenAI-protocol fake on loopback, scripted per test."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from eventmaestro.agents.maestro.language import (
    MaestroLanguage,
    ModelEntities,
    keeps_figures,
    reconcile,
)
from eventmaestro.agents.maestro.schemas import ProcessRequest
from eventmaestro.agents.maestro.service import MaestroService
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.platform import Platform
from eventmaestro.llm.contracts import TaskKind
from eventmaestro.llm.fakes import FakeControl
from eventmaestro.llm.fakes.control import Reply
from eventmaestro.llm.gateway import LLMGateway
from eventmaestro.nlp.entities.extract import CityRef, Entities
from tests.llm.helpers import scripted_model

TODAY = dt.date(2026, 11, 24)


def test_rules_win_and_the_model_fills_only_grounded_gaps() -> None:
    local = Entities(guests_count=150, date=dt.date(2026, 12, 20))
    model = ModelEntities(
        guests_count=200,  # disagrees: the rules' exact parse stays
        city="Казань",  # a gap, and a real city: taken, normalised to GeoNames
        budget_amount=Decimal(1_500_000),  # «1,5 млн» is in the text: grounded
        event_type="corporate_party",
    )
    read = reconcile(
        local, model, "корпоратив, 150 гостей, бюджет 1,5 млн, столица Татарстана", TODAY
    )
    assert read.entities.guests_count == 150
    assert read.entities.city == CityRef(name="Kazan", geoname_id=551487)
    assert read.entities.budget is not None
    assert read.entities.budget.amount == Decimal("1500000.00")
    assert read.entities.event_type == "corporate_party"
    assert "guests_count: the language model read 200, the rules 150" in read.notes


def test_a_number_the_text_does_not_contain_is_not_taken() -> None:
    model = ModelEntities(guests_count=120, budget_amount=Decimal(900_000), city="Нарния")
    read = reconcile(Entities(), model, "корпоратив для отдела продаж", TODAY)
    assert read.entities.guests_count is None
    assert read.entities.budget is None
    assert read.entities.city is None
    assert any("guests_count from the language model ignored" in n for n in read.notes)
    assert any("not a known city" in n for n in read.notes)


def test_a_past_or_far_date_from_the_model_is_not_taken() -> None:
    for date in (dt.date(2025, 1, 1), dt.date(2040, 1, 1)):
        read = reconcile(Entities(), ModelEntities(date=date), "в январе", TODAY)
        assert read.entities.date is None


def test_a_rewording_may_not_bring_new_figures() -> None:
    source = "Смета: 1 999 757 ₽ с НДС 22 % — в пределах бюджета 2 000 000 ₽."
    assert keeps_figures(source, "Уложились: смета 1 999 757 ₽ (НДС 22 %), бюджет 2 000 000 ₽.")
    assert not keeps_figures(source, "Смета 1 999 757 ₽, можно сэкономить 150 000 ₽.")


@pytest.fixture
async def model() -> AsyncIterator[tuple[FakeControl, LLMGateway]]:
    async with scripted_model(TaskKind.ORCHESTRATION) as scripted:
        yield scripted


async def test_process_uses_the_models_reading_and_keeps_its_wording_only_if_true(
    clean_platform: Platform, model: tuple[FakeControl, LLMGateway]
) -> None:
    control, gateway = model
    language = MaestroLanguage(gateway)
    assert language.available
    service = MaestroService(clean_platform, language=language, request_seconds=0.3)
    principal = Principal(org_id=uuid.uuid4(), role="manager", kind="user")
    # The rules find no city in «в столице Татарстана»; the model does.
    message = "Корпоратив на 150 человек в столице Татарстана 20 декабря"
    reading = {"event_type": "corporate_party", "guests_count": 150, "city": "Казань"}
    control.reply_next(
        Reply(content=json.dumps(reading)),
        Reply(content="Готово: корпоратив на 150 гостей в Казани, 20 декабря 2026, и ещё 7 задач."),
    )
    answer = await service.process(
        principal, ProcessRequest(message=message, now="2026-11-24T10:00:00+03:00")
    )
    # Named as the user wrote in Russian; the id is GeoNames'.
    assert answer.entities.city == CityRef(name="Казань", geoname_id=551487)
    assert "understanding: city from the language model" in answer.warnings
    # «7 задач» is a figure the template does not have: the wording is refused.
    assert answer.summary.startswith("Корпоратив · 150 гостей · Казань · 20 декабря 2026")

    control.reply_next(
        Reply(content=json.dumps({"guests_count": 200})),
        Reply(content="Пересчитал на 200 гостей: Казань, 20 декабря 2026."),
    )
    again = await service.process(
        principal,
        ProcessRequest(
            message="а если 200 человек?",
            conversation_id=answer.conversation_id,
            now="2026-11-24T10:00:00+03:00",
        ),
    )
    assert again.entities.guests_count == 200
    assert again.summary == "Пересчитал на 200 гостей: Казань, 20 декабря 2026."
