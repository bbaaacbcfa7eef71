"""Understand one message: intent with calibrated confidence, runners-up, and entities."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from eventmaestro.nlp.classifier import load_or_train
from eventmaestro.nlp.entities.extract import DEFAULT_TIMEZONE, Entities, extract_entities
from eventmaestro.nlp.intents import Intent

ALTERNATIVES = 3
MIN_ALTERNATIVE_CONFIDENCE = 0.01


class Alternative(BaseModel):
    model_config = ConfigDict(frozen=True)

    intent: Intent
    confidence: float


class Understanding(BaseModel):
    model_config = ConfigDict(frozen=True)

    intent: Intent
    confidence: float
    entities: Entities
    alternatives: list[Alternative]


def understand(
    text: str,
    *,
    now: datetime,
    timezone: str = DEFAULT_TIMEZONE,
    cache_dir: Path | None = None,
) -> Understanding:
    """`now` must be timezone-aware; a naive one is read as the user's local time."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=ZoneInfo(timezone))
    best, others = load_or_train(cache_dir).classify(text)
    return Understanding(
        intent=best.intent,
        confidence=best.confidence,
        entities=extract_entities(text, now, timezone),
        alternatives=[
            Alternative(intent=s.intent, confidence=s.confidence)
            for s in others[:ALTERNATIVES]
            if s.confidence >= MIN_ALTERNATIVE_CONFIDENCE and s.intent is not best.intent
        ],
    )
