"""Orchestration API. Today: `intent-classify`, the understanding step on its own."""

from __future__ import annotations

from fastapi import APIRouter

from eventmaestro.accounts.dependencies import CurrentPrincipal
from eventmaestro.agents.maestro.schemas import IntentClassifyRequest
from eventmaestro.agents.maestro.service import classify_intent
from eventmaestro.kit.deps import PlatformDep
from eventmaestro.nlp.understanding import Understanding

router = APIRouter(prefix="/api/v1/orchestration", tags=["orchestration"])


@router.post("/intent-classify", response_model=Understanding)
def intent_classify(
    body: IntentClassifyRequest, _principal: CurrentPrincipal, platform: PlatformDep
) -> Understanding:
    """Intent, calibrated confidence, runners-up and entities of one message.

    A plain `def`: the first call may load the model from disk (or train it, seconds), and
    FastAPI runs sync endpoints in a worker thread so the event loop never waits on it.
    """
    # Any signed-in role may ask: nothing tenant-owned is read or written.
    return classify_intent(body, platform.settings.data_dir / "models")
