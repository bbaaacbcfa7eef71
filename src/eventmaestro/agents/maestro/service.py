"""Maestro's business rules. Today: understanding one message, offline."""

from __future__ import annotations

from pathlib import Path

from eventmaestro.agents.maestro.schemas import IntentClassifyRequest
from eventmaestro.kit.clock import utcnow
from eventmaestro.nlp.understanding import Understanding, understand


def classify_intent(request: IntentClassifyRequest, model_dir: Path) -> Understanding:
    return understand(
        request.text,
        now=request.now or utcnow(),
        timezone=request.timezone,
        cache_dir=model_dir,
    )
