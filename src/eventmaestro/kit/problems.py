"""RFC 9457 problem details for every error the API returns, and their place in the OpenAPI.

Validation errors list each failing field by its path (`body.budget.amount`), so a client
can put the message next to the right input.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from fastapi import FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventmaestro.kit.errors import (
    MaestroError,
    PayloadTooLargeError,
    UnsupportedMediaTypeError,
    ValidationFailedError,
)
from eventmaestro.kit.logging import get_logger

PROBLEM_TYPE_BASE = "https://maestro.events/problems/"
P = ParamSpec("P")
R = TypeVar("R")
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


PROBLEM_MEDIA_TYPE = "application/problem+json"

# What a route passes as `responses=`: a status and why it happens; the schema is added below.
Responses = dict[int | str, dict[str, Any]]
_DECLARED = "__problem_responses__"


class FieldError(BaseModel):
    field: str = Field(description="Where the input failed, e.g. `body.budget.amount`")
    message: str
    code: str = Field(description="Machine-readable reason, e.g. `missing`, `json_invalid`")


class Problem(BaseModel):
    """An RFC 9457 problem: every 4xx and 5xx answer of the API has this shape."""

    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    detail: str = Field(description="What went wrong, in words meant for the caller")
    instance: str = Field(description="The request path")
    request_id: str | None = None
    errors: list[FieldError] = Field(
        default_factory=list, description="On validation failures: each failing input"
    )


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


def problem_body(
    error: MaestroError, *, instance: str, request_id: str | None = None
) -> dict[str, Any]:
    """The problem document of an error, for a response or an event in a stream."""
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
    return body


def problem_response(
    error: MaestroError, *, instance: str, request_id: str | None = None
) -> ProblemResponse:
    body = problem_body(error, instance=instance, request_id=request_id)
    return ProblemResponse(body, status_code=error.status, headers=error.headers)


def _request_id(request: Request) -> str | None:
    value = getattr(request.state, "request_id", None)
    return value if isinstance(value, str) else None


def _field_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    errors = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ())]
        message = err.get("msg", "")
        if err.get("type") == "json_invalid":
            # FastAPI puts the character offset into the location; it belongs in the message.
            position = loc[1] if len(loc) > 1 else "?"
            reason = err.get("ctx", {}).get("error", "invalid syntax")
            loc, message = ["body"], f"Malformed JSON at character {position}: {reason}"
        errors.append({"field": ".".join(loc), "message": message, "code": err.get("type", "")})
    return errors


def _body_not_json(exc: RequestValidationError) -> bool:
    """FastAPI hands a JSON body model the raw bytes when the Content-Type is not JSON."""
    return any(
        tuple(err.get("loc", ())) == ("body",) and isinstance(err.get("input"), bytes)
        for err in exc.errors()
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Answer every error as a problem, and say so in the OpenAPI document."""
    _document_problems(app)

    @app.exception_handler(MaestroError)
    async def _maestro_error(request: Request, exc: MaestroError) -> ProblemResponse:
        if exc.status >= 500:
            log.error("unhandled_domain_error", detail=exc.detail)
        return problem_response(exc, instance=request.url.path, request_id=_request_id(request))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> ProblemResponse:
        if _body_not_json(exc):
            sent = request.headers.get("content-type") or "no Content-Type"
            unsupported = UnsupportedMediaTypeError(
                f"This endpoint takes a JSON body sent as application/json, not {sent}"
            )
            return await _maestro_error(request, unsupported)
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


# --- OpenAPI ----------------------------------------------------------------------------------

# FastAPI documents its own 422 body, which this API never sends.
_FASTAPI_VALIDATION_REF = "#/components/schemas/HTTPValidationError"
_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")


def declare_problems(dependency: Callable[P, R], responses: Responses) -> Callable[P, R]:
    """Marks a dependency with the problems it raises, so every route using it documents them
    (e.g. a role check: 403) without repeating it on each route."""
    setattr(dependency, _DECLARED, responses)
    return dependency


def _dependency_problems(dependant: Dependant) -> Responses:
    found: Responses = {}
    for sub in dependant.dependencies:
        found.update(_dependency_problems(sub))
        found.update(getattr(sub.call, _DECLARED, {}))
    return found


def _document_problems(app: FastAPI) -> None:
    """Every operation's OpenAPI lists the problems it can answer, each as a `Problem`.

    The statuses that follow from an operation's shape are added here, so a new endpoint is
    documented without thinking about it: a body can be unreadable, too large, not JSON or
    invalid; a secured operation can be refused credentials; a path with an id can name
    nothing; any POST can meet its Idempotency-Key still in flight. Dependencies declare what
    they raise (`declare_problems`: a role check adds 403 to every route that uses it), routes
    only what their own rules add (`responses={409: {"description": ...}}`); this supplies
    the schema of each.
    """
    build = app.openapi
    completed: list[dict[str, Any]] = []

    def openapi() -> dict[str, Any]:
        spec = build()  # FastAPI's own, cached until the routes change
        if not completed or completed[0] is not spec:
            # The same walk over the routes that FastAPI made to write the document.
            for route in iter_route_contexts(app.routes):
                if isinstance(route.original_route, APIRoute) and route.include_in_schema:
                    declared = _dependency_problems(route.dependant)
                    for method in route.methods or ():
                        responses = spec["paths"][route.path_format][method.lower()]["responses"]
                        for status, response in declared.items():
                            responses.setdefault(str(status), dict(response))
            _add_problems(spec)
            completed[:] = [spec]
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def _add_problems(spec: dict[str, Any]) -> None:
    schemas: dict[str, Any] = spec.setdefault("components", {}).setdefault("schemas", {})
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(problem.pop("$defs", {}))
    schemas["Problem"] = problem
    for path, operations in spec.get("paths", {}).items():
        for method, operation in operations.items():
            responses: dict[str, Any] = operation.setdefault("responses", {})
            for status, description in _implied_problems(spec, path, method, operation).items():
                declared = responses.get(status)
                if declared is None or _is_fastapi_validation_error(declared):
                    responses[status] = {"description": description}
            for status, response in responses.items():
                if status.isdigit() and 400 <= int(status) < 500:
                    response["content"] = {
                        PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}
                    }
            operation["responses"] = dict(sorted(responses.items()))
    if _FASTAPI_VALIDATION_REF not in json.dumps(spec.get("paths")):
        for name in _FASTAPI_VALIDATION_SCHEMAS:
            schemas.pop(name, None)


def _implied_problems(
    spec: dict[str, Any], path: str, method: str, operation: dict[str, Any]
) -> dict[str, str]:
    implied: dict[str, str] = {}
    body = operation.get("requestBody")
    if body is not None:
        implied["400"] = "The body could not be read (not UTF-8, or nested too deeply)"
    if operation.get("security"):
        implied["401"] = "Missing, malformed, forged or expired credentials"
    if "{" in path or _names_objects(spec, operation):
        implied["404"] = "Nothing with this id in the caller's organisation"
    if method == "post":
        implied["409"] = "A request with the same Idempotency-Key is still being processed"
    if body is not None:
        implied["413"] = "The body is larger than the server accepts (MAESTRO_MAX_BODY_BYTES)"
        if "application/json" in body.get("content", {}):
            implied["415"] = "The body was not sent as application/json"
    if body is not None or operation.get("parameters") or method == "post":
        implied["422"] = "Validation failed: `errors` names each failing input"
    return implied


def _names_objects(spec: dict[str, Any], operation: dict[str, Any]) -> bool:
    """A query or body that refers to objects by id (`event_id`) can name one that is not
    there."""
    content = operation.get("requestBody", {}).get("content", {})
    body = _resolve(spec, content.get("application/json", {}).get("schema", {}))
    fields = [
        *(_resolve(spec, field) for field in body.get("properties", {}).values()),
        *(parameter.get("schema", {}) for parameter in operation.get("parameters", [])),
    ]
    return any('"format": "uuid"' in json.dumps(field) for field in fields)


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _is_fastapi_validation_error(response: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return bool(schema.get("$ref") == _FASTAPI_VALIDATION_REF)
