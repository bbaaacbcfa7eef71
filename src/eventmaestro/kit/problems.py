"""RFC 9457 problem details for every error the API returns.

Validation errors list each failing field by its path (`body.budget.amount`), so a client
can put the message next to the right input.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventmaestro.kit.errors import MaestroError, PayloadTooLargeError, ValidationFailedError
from eventmaestro.kit.logging import get_logger

PROBLEM_TYPE_BASE = "https://maestro.events/problems/"
log = get_logger("maestro.errors")

_HTTP_TITLES = {
    400: "Bad request",
    401: "Not authenticated",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    413: "Payload too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    429: "Too many requests",
}


class ProblemResponse(JSONResponse):
    media_type = "application/problem+json"


def problem_response(
    error: MaestroError, *, instance: str, request_id: str | None = None
) -> ProblemResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + error.slug,
        "title": error.title,
        "status": error.status,
        "detail": error.detail,
        "instance": instance,
        **error.extra,
    }
    if request_id:
        body["request_id"] = request_id
    return ProblemResponse(body, status_code=error.status, headers=error.headers)


def _request_id(request: Request) -> str | None:
    value = getattr(request.state, "request_id", None)
    return value if isinstance(value, str) else None


def _field_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    errors = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ())]
        errors.append(
            {"field": ".".join(loc), "message": err.get("msg", ""), "code": err.get("type", "")}
        )
    return errors


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(MaestroError)
    async def _maestro_error(request: Request, exc: MaestroError) -> ProblemResponse:
        if exc.status >= 500:
            log.error("unhandled_domain_error", detail=exc.detail)
        return problem_response(exc, instance=request.url.path, request_id=_request_id(request))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> ProblemResponse:
        errors = _field_errors(exc)
        summary = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5])
        error = ValidationFailedError(f"Invalid request: {summary}", extra={"errors": errors})
        return problem_response(error, instance=request.url.path, request_id=_request_id(request))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> ProblemResponse:
        if isinstance(exc.__cause__, PayloadTooLargeError):
            return await _maestro_error(request, exc.__cause__)
        error = MaestroError(str(exc.detail), headers=dict(exc.headers or {}))
        error.status = exc.status_code
        error.title = _HTTP_TITLES.get(exc.status_code, "Error")
        error.slug = error.title.lower().replace(" ", "-")
        return problem_response(error, instance=request.url.path, request_id=_request_id(request))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> ProblemResponse:
        log.exception("unhandled_exception", path=request.url.path)
        error = MaestroError("An unexpected error occurred; it has been logged.")
        return problem_response(error, instance=request.url.path, request_id=_request_id(request))
