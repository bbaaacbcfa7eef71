"""Fake GigaChat: OAuth on `/api/v2/oauth`, the REST API under `/api/v1`.

Wire details follow the public API reference and the official `gigachat` SDK: the OAuth call
is a form POST with `Authorization: Basic <key>`, a `RqUID` UUID header and `scope`
(GIGACHAT_API_PERS | _B2B | _CORP), answered with `access_token` and `expires_at` in
*milliseconds*; function calls carry an *object* in `arguments`; streaming is SSE `data:`
lines ending with `data: [DONE]`; errors are `{"status": N, "message": ...}`.
"""

from __future__ import annotations

import secrets
import time
import uuid
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from eventmaestro.llm.fakes.answers import answer
from eventmaestro.llm.fakes.control import FakeControl
from eventmaestro.llm.fakes.faults import apply_faults, record, split_text, sse
from eventmaestro.llm.providers.offline import count_tokens, hashed_vector

SCOPES = frozenset({"GIGACHAT_API_PERS", "GIGACHAT_API_B2B", "GIGACHAT_API_CORP"})
MODELS = ("GigaChat-2", "GigaChat-2-Pro", "GigaChat-2-Max", "Embeddings")


def _error(status: int, message: str | None = None) -> dict[str, Any]:
    return {"status": status, "message": message or _MESSAGES.get(status, "Error")}


_MESSAGES = {
    400: "Bad request",
    401: "Unauthorized",
    402: "Payment Required",
    429: "Too Many Requests",
    500: "Internal Server Error",
}


def create_gigachat_fake(control: FakeControl | None = None) -> Starlette:
    ctl = control or FakeControl()
    tokens: dict[str, float] = {}  # access token → expiry (epoch seconds)

    def authorised(request: Request) -> bool:
        header = request.headers.get("authorization", "")
        token = header.removeprefix("Bearer ")
        expiry = tokens.get(token)
        return (
            header.startswith("Bearer ")
            and expiry is not None
            and expiry > time.time()
            and token not in ctl.revoked_tokens
        )

    async def oauth(request: Request) -> Response:
        body = await record(request, ctl)
        authorization = request.headers.get("authorization", "")
        if not authorization.startswith("Basic ") or len(authorization) <= len("Basic "):
            return JSONResponse({"code": 4, "message": "Can't decode 'Authorization' header"}, 401)
        try:
            uuid.UUID(request.headers.get("rquid", ""))
        except ValueError:
            return JSONResponse({"code": 5, "message": "RqUID must be a UUID"}, 400)
        if (body or {}).get("scope") not in SCOPES:
            return JSONResponse({"code": 7, "message": "scope is not valid"}, 400)
        token = secrets.token_urlsafe(24)
        expires = time.time() + ctl.token_ttl_seconds
        tokens[token] = expires
        return JSONResponse({"access_token": token, "expires_at": int(expires * 1000)})

    async def chat(request: Request) -> Response:
        body = await record(request, ctl)
        if not authorised(request):
            return JSONResponse(_error(401), 401)
        failure, chunk_delay = await apply_faults(ctl.take_faults(), _error)
        if failure is not None:
            return failure
        fmt = body.get("response_format") or {}
        result = answer(ctl, body.get("messages", []), fmt.get("schema"))
        model = f"{body.get('model', 'GigaChat')}:2.0.28.2"
        created = int(time.time())
        usage = {
            "prompt_tokens": result.prompt_tokens,
            "completion_tokens": result.completion_tokens,
            "total_tokens": result.prompt_tokens + result.completion_tokens,
            "precached_prompt_tokens": 0,
        }
        message: dict[str, Any] = {"role": "assistant", "content": result.content}
        finish = "stop"
        if result.tool_name:
            message["function_call"] = {
                "name": result.tool_name,
                "arguments": result.tool_arguments,
            }
            message["functions_state_id"] = str(uuid.uuid4())
            finish = "function_call"
        if not body.get("stream"):
            return JSONResponse(
                {
                    "choices": [{"message": message, "index": 0, "finish_reason": finish}],
                    "created": created,
                    "model": model,
                    "usage": usage,
                    "object": "chat.completion",
                }
            )
        events: list[dict[str, Any]] = []
        pieces = split_text(result.content, ctl.stream_chunks)
        for i, piece in enumerate(pieces):
            delta: dict[str, Any] = {"content": piece, "role": "assistant"}
            choice: dict[str, Any] = {"delta": delta, "index": 0}
            if i == len(pieces) - 1:
                if result.tool_name:
                    delta["function_call"] = message["function_call"]
                choice["finish_reason"] = finish
            event = {"choices": [choice], "created": created, "model": model}
            event["object"] = "chat.completion"
            if i == len(pieces) - 1:
                event["usage"] = usage
            events.append(event)
        return sse(events, delay=chunk_delay, done=True)

    async def models(request: Request) -> Response:
        await record(request, ctl)
        if not authorised(request):
            return JSONResponse(_error(401), 401)
        failure, _ = await apply_faults(ctl.take_faults(), _error)
        if failure is not None:
            return failure
        data = [{"id": m, "object": "model", "owned_by": "salutedevices"} for m in MODELS]
        return JSONResponse({"data": data, "object": "list"})

    async def embeddings(request: Request) -> Response:
        body = await record(request, ctl)
        if not authorised(request):
            return JSONResponse(_error(401), 401)
        failure, _ = await apply_faults(ctl.take_faults(), _error)
        if failure is not None:
            return failure
        data = [
            {
                "embedding": list(hashed_vector(text)),
                "usage": {"prompt_tokens": count_tokens(text)},
                "index": i,
                "object": "embedding",
            }
            for i, text in enumerate(body.get("input", []))
        ]
        return JSONResponse({"data": data, "model": body.get("model"), "object": "list"})

    app = Starlette(
        routes=[
            Route("/api/v2/oauth", oauth, methods=["POST"]),
            Route("/api/v1/chat/completions", chat, methods=["POST"]),
            Route("/api/v1/models", models, methods=["GET"]),
            Route("/api/v1/embeddings", embeddings, methods=["POST"]),
        ]
    )
    app.state.control = ctl
    return app
