"""Fake Yandex Foundation Models: the OpenAI-compatible API under `/v1` (what Maestro's
YandexGPT provider speaks) and the native `/foundationModels/v1/completion`.

Yandex accepts `Authorization: Api-Key <key>` or `Bearer <IAM token or API key>`; models are
URIs `gpt://<folder>/yandexgpt/latest`. The native API's token counts are *strings*
(`"inputTextTokens": "12"`), faithfully reproduced here.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from eventmaestro.llm.fakes.answers import answer
from eventmaestro.llm.fakes.control import FakeControl
from eventmaestro.llm.fakes.faults import apply_faults, record
from eventmaestro.llm.fakes.openai import openai_error, openai_routes


def create_yandex_fake(control: FakeControl | None = None) -> Starlette:
    ctl = control or FakeControl()

    def authorised(request: Request) -> bool:
        header = request.headers.get("authorization", "")
        scheme, _, credential = header.partition(" ")
        if scheme not in ("Api-Key", "Bearer") or not credential:
            return False
        return ctl.api_key is None or credential == ctl.api_key

    async def completion(request: Request) -> Response:
        body = await record(request, ctl)
        if not authorised(request):
            return JSONResponse({"error": {"grpcCode": 16, "httpCode": 401}}, 401)
        failure, _ = await apply_faults(ctl.take_faults(), openai_error)
        if failure is not None:
            return failure
        if not str(body.get("modelUri", "")).startswith(("gpt://", "ds://")):
            return JSONResponse({"error": {"grpcCode": 3, "message": "bad modelUri"}}, 400)
        result = answer(ctl, body.get("messages", []), None)
        return JSONResponse(
            {
                "result": {
                    "alternatives": [
                        {
                            "message": {"role": "assistant", "text": result.content},
                            "status": "ALTERNATIVE_STATUS_FINAL",
                        }
                    ],
                    "usage": {
                        "inputTextTokens": str(result.prompt_tokens),
                        "completionTokens": str(result.completion_tokens),
                        "totalTokens": str(result.prompt_tokens + result.completion_tokens),
                    },
                    "modelVersion": "23.10.2024",
                }
            }
        )

    routes = [
        *openai_routes(ctl, "/v1", authorised),
        Route("/foundationModels/v1/completion", completion, methods=["POST"]),
    ]
    app = Starlette(routes=routes)
    app.state.control = ctl
    return app
