"""Fake OpenAI-compatible server (what vLLM and Ollama expose for T-Pro, Cotype, Qwen-3,
Llama-3.1): `/v1/chat/completions` with `tools`/`tool_calls` (arguments as a JSON *string*),
`response_format` json_schema, SSE chunks ending in `data: [DONE]` with an optional usage
chunk (`stream_options.include_usage`), `/v1/models`, `/v1/embeddings`; errors are
`{"error": {"message", "type", "param", "code"}}`.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from eventmaestro.llm.fakes.answers import Answer, answer
from eventmaestro.llm.fakes.control import FakeControl
from eventmaestro.llm.fakes.faults import apply_faults, record, split_text, sse
from eventmaestro.llm.providers.offline import count_tokens, hashed_vector

MODELS = ("t-tech/T-pro-it-2.0", "MTSAIR/Cotype-Pro-2", "Qwen/Qwen3-32B", "llama3.1:8b")
_TYPES = {400: "invalid_request_error", 401: "authentication_error", 402: "insufficient_quota"}


def openai_error(status: int) -> dict[str, Any]:
    kind = _TYPES.get(status, "rate_limit_exceeded" if status == 429 else "server_error")
    return {"error": {"message": f"HTTP {status}", "type": kind, "param": None, "code": kind}}


def openai_routes(
    ctl: FakeControl, prefix: str, authorised: Callable[[Request], bool]
) -> list[Route]:
    async def guarded(request: Request) -> tuple[Any, Response | None, float]:
        body = await record(request, ctl)
        if not authorised(request):
            return body, JSONResponse(openai_error(401), 401), 0.0
        failure, delay = await apply_faults(ctl.take_faults(), openai_error)
        return body, failure, delay

    async def chat(request: Request) -> Response:
        body, failure, delay = await guarded(request)
        if failure is not None:
            return failure
        fmt = body.get("response_format") or {}
        schema = (fmt.get("json_schema") or {}).get("schema") if fmt.get("type") else None
        result = answer(ctl, body.get("messages", []), schema)
        model = body.get("model", MODELS[0])
        if body.get("stream"):
            include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
            return _stream(ctl, result, model, include_usage, delay)
        return JSONResponse(_completion(result, model))

    async def models(request: Request) -> Response:
        _, failure, _ = await guarded(request)
        if failure is not None:
            return failure
        data = [{"id": m, "object": "model", "created": 0, "owned_by": "vllm"} for m in MODELS]
        return JSONResponse({"object": "list", "data": data})

    async def embeddings(request: Request) -> Response:
        body, failure, _ = await guarded(request)
        if failure is not None:
            return failure
        inputs = body.get("input", [])
        inputs = [inputs] if isinstance(inputs, str) else inputs
        tokens = sum(count_tokens(t) for t in inputs)
        data = [
            {"object": "embedding", "index": i, "embedding": list(hashed_vector(t))}
            for i, t in enumerate(inputs)
        ]
        return JSONResponse(
            {
                "object": "list",
                "data": data,
                "model": body.get("model"),
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
            }
        )

    return [
        Route(f"{prefix}/chat/completions", chat, methods=["POST"]),
        Route(f"{prefix}/models", models, methods=["GET"]),
        Route(f"{prefix}/embeddings", embeddings, methods=["POST"]),
    ]


def _usage(result: Answer) -> dict[str, int]:
    return {
        "prompt_tokens": result.prompt_tokens,
        "completion_tokens": result.completion_tokens,
        "total_tokens": result.prompt_tokens + result.completion_tokens,
    }


def _tool_calls(result: Answer) -> list[dict[str, Any]]:
    return [
        {
            "id": "call_" + secrets.token_hex(8),
            "type": "function",
            "function": {
                "name": result.tool_name,
                "arguments": json.dumps(result.tool_arguments, ensure_ascii=False),
            },
        }
    ]


def _completion(result: Answer, model: str) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": result.content or None}
    finish = "stop"
    if result.tool_name:
        message["tool_calls"] = _tool_calls(result)
        finish = "tool_calls"
    return {
        "id": "chatcmpl-" + secrets.token_hex(12),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": _usage(result),
    }


def _stream(
    ctl: FakeControl, result: Answer, model: str, include_usage: bool, delay: float
) -> Response:
    head = {
        "id": "chatcmpl-" + secrets.token_hex(12),
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
    }

    def chunk(delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
        return {**head, "choices": [choice]}

    events = [chunk({"role": "assistant", "content": ""}, None)]
    if result.tool_name:
        calls = [{"index": 0, **call} for call in _tool_calls(result)]
        events.append(chunk({"tool_calls": calls}, None))
        finish = "tool_calls"
    else:
        events += [
            chunk({"content": p}, None) for p in split_text(result.content, ctl.stream_chunks)
        ]
        finish = "stop"
    events.append(chunk({}, finish))
    if include_usage:
        events.append({**head, "choices": [], "usage": _usage(result)})
    return sse(events, delay=delay, done=True)


def create_openai_fake(control: FakeControl | None = None) -> Starlette:
    ctl = control or FakeControl()

    def authorised(request: Request) -> bool:
        return ctl.api_key is None or request.headers.get("authorization") == (
            f"Bearer {ctl.api_key}"
        )

    app = Starlette(routes=openai_routes(ctl, "/v1", authorised))
    app.state.control = ctl
    return app
