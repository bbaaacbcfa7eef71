"""Orchestration API: understand a message, process it end to end (or as a stream of
progress events), and report whether the agents and model providers answer."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from eventmaestro.accounts.dependencies import CurrentPrincipal
from eventmaestro.agents.maestro.language import MaestroLanguage
from eventmaestro.agents.maestro.schemas import (
    ConversationId,
    ConversationOut,
    IntentClassifyRequest,
    OrchestrationHealth,
    ProcessRequest,
    ProcessResponse,
)
from eventmaestro.agents.maestro.service import MaestroService, classify_intent
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.deps import PlatformDep
from eventmaestro.kit.errors import MaestroError
from eventmaestro.kit.platform import Platform
from eventmaestro.kit.problems import problem_body
from eventmaestro.nlp.understanding import Understanding

router = APIRouter(prefix="/api/v1/orchestration", tags=["orchestration"])


def _language(request: Request, platform: Platform) -> MaestroLanguage:
    """One gateway per app (its HTTP clients, breakers and caches are meant to be shared);
    built on first use, so an installation without models never builds one."""
    language: MaestroLanguage | None = getattr(request.app.state, "maestro_language", None)
    if language is None:
        from eventmaestro.llm.runtime import gateway_for

        language = MaestroLanguage(gateway_for(platform))
        request.app.state.maestro_language = language
    return language


def get_maestro(request: Request, platform: PlatformDep) -> MaestroService:
    return MaestroService(platform, language=_language(request, platform))


MaestroDep = Annotated[MaestroService, Depends(get_maestro)]
STREAM_PATH = "/api/v1/orchestration/process/stream"


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


@router.post("/process", response_model=ProcessResponse)
async def process(
    body: ProcessRequest, principal: CurrentPrincipal, maestro: MaestroDep
) -> ProcessResponse:
    """Understand the message, run the agents its intent needs (independent ones at once)
    and answer with a summary, every agent's result, warnings and timings per skill.

    A missing fact gets a clarifying question; a failed or late agent yields a partial
    answer whose warnings say what is missing. Pass `conversation_id` from the previous
    answer to refine it («а если 200 человек?»).
    """
    return await maestro.process(principal, body)


def _sse(kind: str, data: Any) -> bytes:
    return f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


async def _stream(
    maestro: MaestroService, principal: Principal, body: ProcessRequest
) -> AsyncIterator[bytes]:
    queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()

    async def listen(kind: str, data: dict[str, Any]) -> None:
        await queue.put((kind, data))

    async def work() -> None:
        try:
            answer = await maestro.process(principal, body, on_progress=listen)
            await queue.put(("answer", answer.model_dump(mode="json")))
        except MaestroError as error:
            await queue.put(("error", problem_body(error, instance=STREAM_PATH)))

    task = asyncio.create_task(work())
    try:
        while True:
            kind, data = await queue.get()
            yield _sse(kind, data)
            if kind in {"answer", "error"}:
                break
    finally:
        if not task.done():
            task.cancel()  # the client went away: stop the agents' work on its behalf


@router.post(
    "/process/stream",
    responses={
        200: {
            "description": "Server-sent events: `understood`, then `skill_started` and "
            "`skill_finished` per skill, then `answer` (the /process body) or `error`",
            "content": {"text/event-stream": {}},
        },
    },
)
async def process_stream(
    body: ProcessRequest, principal: CurrentPrincipal, maestro: MaestroDep
) -> StreamingResponse:
    """The same work as `/process`, reported as it happens (one event per skill started
    and finished) so a chat can show live progress per agent."""
    if body.event_id is not None:
        await maestro.check_event(principal, body.event_id)  # a 404 before the stream opens
    return StreamingResponse(
        _stream(maestro, principal, body),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@router.get("/conversations/{conversation_id}", response_model=ConversationOut)
async def conversation(
    conversation_id: ConversationId, principal: CurrentPrincipal, maestro: MaestroDep
) -> ConversationOut:
    """The brief Maestro holds for a conversation and its last turns (a chat panel reopened
    shows where it was). Conversations expire a day after their last message."""
    return await maestro.conversation(principal, conversation_id)


@router.get("/health", response_model=OrchestrationHealth)
async def health(_principal: CurrentPrincipal, maestro: MaestroDep) -> OrchestrationHealth:
    """Each installed agent pinged over the bus, each model provider checked."""
    return await maestro.health()
