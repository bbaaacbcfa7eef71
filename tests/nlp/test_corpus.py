"""The shipped corpus: reproducible, covers SPEC.md's intents, held-out never trained on."""

from __future__ import annotations

import json
from collections import Counter

from eventmaestro.nlp.classifier import CORPUS_DIR, TRAIN_PATH, load_examples
from eventmaestro.nlp.corpus.generate import build, parse_handwritten
from eventmaestro.nlp.evaluation import NEAR_TWIN, nearest_training_overlap
from eventmaestro.nlp.intents import Intent


def test_generator_reproduces_the_committed_files() -> None:
    train, heldout = build()
    assert [json.loads(e.as_json()) for e in train] == load_examples(TRAIN_PATH)
    assert [json.loads(e.as_json()) for e in heldout] == load_examples(CORPUS_DIR / "heldout.jsonl")


def test_every_intent_in_both_languages_and_both_splits() -> None:
    for path in (TRAIN_PATH, CORPUS_DIR / "heldout.jsonl"):
        seen = Counter((e["intent"], e["lang"]) for e in load_examples(path))
        for intent in Intent:
            assert seen[(intent.value, "ru")] > 0, (path.name, intent)
            assert seen[(intent.value, "en")] > 0, (path.name, intent)


def test_thousands_of_training_utterances() -> None:
    train = load_examples(TRAIN_PATH)
    assert len(train) > 5000
    assert min(Counter(e["intent"] for e in train).values()) >= 200


def test_heldout_is_never_trained_on() -> None:
    train = {e["text"].lower() for e in load_examples(TRAIN_PATH)}
    heldout = {e["text"].lower() for e in load_examples(CORPUS_DIR / "heldout.jsonl")}
    assert not train & heldout


def test_handwritten_line_format() -> None:
    example = parse_handwritten(
        "create_event_plan | ru | корп в Питере 20.12 | event_type=corporate_party; "
        "city=Saint Petersburg; date=2026-12-20; budget=2000000 RUB; guests_count=100"
    )
    assert example.entities == {
        "event_type": "corporate_party",
        "city": {"name": "Saint Petersburg", "geoname_id": 498817},
        "date": "2026-12-20",
        "budget": {"amount": "2000000", "currency": "RUB"},
        "guests_count": 100,
    }


def test_every_heldout_source_is_present() -> None:
    sources = Counter(e["source"] for e in load_examples(CORPUS_DIR / "heldout.jsonl"))
    assert set(sources) == {"handwritten", "managers", "blind", "template"}
    assert sources["managers"] >= 150


def test_heldout_sentences_have_few_near_twins_in_training() -> None:
    """Paraphrasing held-out sentences into training templates would flatter the model."""
    overlap = nearest_training_overlap(
        load_examples(CORPUS_DIR / "heldout.jsonl"), load_examples(TRAIN_PATH)
    )
    for source, values in overlap.items():
        twins = sum(v >= NEAR_TWIN for v in values) / len(values)
        assert twins <= 0.1, source
        assert sum(values) / len(values) < 0.55, source


def test_overlap_is_word_set_similarity() -> None:
    train = [{"text": "Сравни три КП"}, {"text": "найди площадку в Казани"}]
    heldout = [
        {"text": "сравни три кп!", "source": "a"},
        {"text": "найди площадку", "source": "b"},
        {"text": "привет", "source": "c"},
    ]
    assert nearest_training_overlap(heldout, train) == {"a": [1.0], "b": [0.5], "c": [0.0]}
