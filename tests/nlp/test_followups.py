"""Chat follow-ups refine the event brief; everyday off-topic questions stay out of scope.

The orchestrator merges a follow-up's entities into the event it is planning, so «а в Казани?»
must come back as `create_event_plan` with the city, never as a confident `out_of_scope`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from eventmaestro.nlp.classifier import IntentClassifier, load_or_train
from eventmaestro.nlp.intents import Intent
from eventmaestro.nlp.understanding import understand

NOW = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def model() -> IntentClassifier:
    return load_or_train(None)


FOLLOW_UPS = [
    "а если 200 человек?",
    "а в Казани?",
    "перенеси на неделю позже",
    "а бюджет 3 млн?",
    "what about 300 guests?",
    "давай в Сочи",
    "move it a week later",
    "а если онлайн?",
    "and in Kazan?",
    "сдвинь на две недели раньше",
]


@pytest.mark.parametrize("text", FOLLOW_UPS)
def test_follow_up_refines_the_plan(model: IntentClassifier, text: str) -> None:
    best, _ = model.classify(text)
    assert best.intent is Intent.CREATE_EVENT_PLAN
    out_of_scope = next(s for s in model.scores(text) if s.intent is Intent.OUT_OF_SCOPE)
    assert out_of_scope.confidence < 0.2


@pytest.mark.parametrize(
    "text",
    ["какая погода завтра", "напиши код на python", "рецепт борща"],
)
def test_clear_off_topic_is_out_of_scope(model: IntentClassifier, text: str) -> None:
    best, _ = model.classify(text)
    assert best.intent is Intent.OUT_OF_SCOPE
    assert best.confidence >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "сколько налога платить с продажи машины?",
        "why does my Python code say SyntaxError?",
        "как испечь торт наполеон",
        "кто написал Войну и мир?",
        "какая погода в Казани на выходных?",
    ],
)
def test_other_off_topic_questions_are_out_of_scope(model: IntentClassifier, text: str) -> None:
    assert model.classify(text)[0].intent is Intent.OUT_OF_SCOPE


def test_follow_up_carries_the_entity_to_merge() -> None:
    budget = understand("а бюджет 3 млн?", now=NOW)
    assert budget.intent is Intent.CREATE_EVENT_PLAN
    assert budget.entities.budget is not None
    assert budget.entities.budget.amount == Decimal(3_000_000)
    city = understand("давай в Сочи", now=NOW)
    assert city.entities.city is not None
    assert city.entities.city.name == "Sochi"
    guests = understand("what about 300 guests?", now=NOW)
    assert guests.entities.guests_count == 300
    # A relative move names no new date: the date shift is read by entities.shift.
    assert understand("перенеси на неделю позже", now=NOW).entities.date is None
