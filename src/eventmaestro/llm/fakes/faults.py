"""Turning a `Fault` into what a misbehaving server really does on the wire."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from eventmaestro.llm.fakes.control import FakeControl, Fault, RecordedRequest


class DropResponse(Response):
    """Starts a response and returns before finishing its body: the server then closes the
    socket mid-body, exactly what a crashed upstream or a cut proxy looks like to a client."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")],
            }
        )
        await send({"type": "http.response.body", "body": b'{"choices": [', "more_body": True})


ErrorBody = Callable[[int], dict[str, Any]]


async def record(request: Request, control: FakeControl) -> Any:
    raw = await request.body()
    content_type = request.headers.get("content-type", "")
    body: Any
    if "json" in content_type and raw:
        body = json.loads(raw)
    elif raw:
        body = dict(await request.form())
    else:
        body = None
    control.requests.append(
        RecordedRequest(request.method, request.url.path, dict(request.headers), body)
    )
    return body


async def apply_faults(faults: list[Fault], error_body: ErrorBody) -> tuple[Response | None, float]:
    """Sleep for latency faults; return a ready failure response, if any, and the delay to
    put between stream chunks."""
    chunk_delay = 0.0
    for fault in faults:
        if fault.kind == "latency":
            await asyncio.sleep(fault.seconds)
        elif fault.kind == "slow_stream":
            chunk_delay = fault.seconds
        elif fault.kind == "status":
            headers = {}
            if fault.retry_after is not None:
                headers["Retry-After"] = f"{fault.retry_after:g}"
            return JSONResponse(error_body(fault.status), fault.status, headers=headers), 0.0
        elif fault.kind == "drop":
            return DropResponse(), 0.0
        elif fault.kind == "malformed":
            return Response(b'{"choices": [{"mess', media_type="application/json"), 0.0
    return None, chunk_delay


def sse(events: list[dict[str, Any]], *, delay: float, done: bool) -> StreamingResponse:
    async def body() -> AsyncIterator[bytes]:
        for index, event in enumerate(events):
            if index and delay:
                await asyncio.sleep(delay)
            yield b"data: " + json.dumps(event, ensure_ascii=False).encode() + b"\n\n"
        if done:
            yield b"data: [DONE]\n\n"

    return StreamingResponse(
        body(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )


def split_text(text: str, pieces: int) -> list[str]:
    """Cut an answer into `pieces` parts at character boundaries (never empty parts)."""
    if not text:
        return [""]
    size = max(1, -(-len(text) // max(1, pieces)))
    return [text[i : i + size] for i in range(0, len(text), size)]
