"""The intent model: calibrated, fast path equal to scikit-learn's, cached by corpus hash."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from eventmaestro.nlp import classifier
from eventmaestro.nlp.classifier import (
    CORPUS_DIR,
    IntentClassifier,
    corpus_key,
    load_examples,
    load_or_train,
    prepare,
)
from eventmaestro.nlp.intents import Intent
from eventmaestro.nlp.understanding import understand

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def model() -> IntentClassifier:
    return load_or_train(None)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Корпоратив на 150 человек в Казани 20 декабря, бюджет 2 млн", "create_event_plan"),
        ("а если 200 человек?", "create_event_plan"),
        ("сделай смету на свадьбу на 80 гостей", "estimate_budget"),
        ("найди кейтеринг в Екб", "search_vendors"),
        ("сравни эти три КП", "compare_vendors"),
        ("подготовь КП клиенту", "create_proposal"),
        ("напиши письмо гостям", "draft_message"),
        ("что пишут про нас в соцсетях?", "monitor_social"),
        ("какая конверсия из регистрации в посещение?", "analyze_conversion"),
        ("посчитай ROI конференции", "analyze_roi"),
        ("какую цену билета поставить?", "optimize_pricing"),
        ("покажи мои задачи", "manage_tasks"),
        ("сколько мы уже потратили?", "track_expenses"),
        ("подпиши договор с площадкой", "manage_contracts"),
        ("сделай отчёт по итогам фестиваля", "analytics_report"),
        ("как добавить коллегу в систему?", "faq"),
        ("привет!", "smalltalk"),
        ("какая погода завтра?", "out_of_scope"),
        ("find a venue in Moscow for 300 people", "search_vendors"),
        ("give me a recipe for pancakes", "out_of_scope"),
    ],
)
def test_classic_requests(model: IntentClassifier, text: str, intent: str) -> None:
    best, _ = model.classify(text)
    assert best.intent == intent


def test_probabilities_are_calibrated_and_match_scikit_learn(model: IntentClassifier) -> None:
    assert model._pipeline is not None
    texts = [e["text"] for e in load_examples(CORPUS_DIR / "heldout.jsonl")]
    fast = np.array([model._probabilities(prepare(text)) for text in texts])
    reference = model._pipeline.predict_proba([prepare(text) for text in texts])
    assert np.allclose(fast, reference, atol=1e-12)
    assert np.allclose(fast.sum(axis=1), 1.0)
    scores = model.scores("корпоратив на 100 человек")
    assert [s.confidence for s in scores] == sorted((s.confidence for s in scores), reverse=True)
    assert {s.intent for s in scores} == set(Intent)


def test_unsure_guess_becomes_out_of_scope(
    model: IntentClassifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "сделай смету"
    assert model.classify(text)[0].intent is Intent.ESTIMATE_BUDGET
    monkeypatch.setattr(classifier, "OUT_OF_SCOPE_THRESHOLD", 1.01)  # nothing is sure enough
    best, others = model.classify(text)
    assert best.intent is Intent.OUT_OF_SCOPE
    top = model.scores(text)[0]
    assert best.confidence == pytest.approx(1 - top.confidence)
    assert others[0] == top
    assert all(s.intent is not Intent.OUT_OF_SCOPE for s in others)


def test_cached_by_corpus_hash(tmp_path: Path, model: IntentClassifier) -> None:
    key = corpus_key()
    assert load_or_train(tmp_path) is load_or_train(tmp_path)  # one model per process
    assert len(key) == 16


def test_cache_file_round_trip(tmp_path: Path, model: IntentClassifier) -> None:
    path = tmp_path / f"intent-model-{corpus_key()}.pickle"
    try:
        with path.open("wb") as out:
            pickle.dump(model._model, out)
        loaded = classifier._load_or_train(tmp_path, classifier.TRAIN_PATH, corpus_key())
        assert loaded._pipeline is None  # served without scikit-learn
        text = "найди площадку в Казани"
        assert loaded.scores(text) == model.scores(text)
    finally:
        path.unlink()


def test_understand_returns_intent_entities_and_alternatives() -> None:
    result = understand("а если 200 человек?", now=NOW)
    assert result.intent is Intent.CREATE_EVENT_PLAN
    assert 0 < result.confidence <= 1
    assert result.entities.guests_count == 200
    assert all(a.intent is not result.intent for a in result.alternatives)
    assert len(result.alternatives) <= 3


def test_naive_now_is_read_in_the_users_zone() -> None:
    late = datetime(2026, 12, 31, 23, 30)  # noqa: DTZ001 - the point of the test
    assert understand("завтра", now=late, timezone="Europe/Moscow").entities.date.isoformat() == (
        "2027-01-01"
    )
