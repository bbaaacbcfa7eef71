"""One error hierarchy for the whole platform, rendered as RFC 9457 problem details.

Services raise these; the app's handlers turn them into `application/problem+json`.
Anything else that escapes is a bug and becomes a logged 500.
"""

from __future__ import annotations

from typing import Any


class MaestroError(Exception):
    status: int = 500
    title: str = "Internal error"
    slug: str = "internal"

    def __init__(
        self,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra or {}


class ValidationFailedError(MaestroError):
    status = 422
    title = "Validation failed"
    slug = "validation"


class BadRequestError(MaestroError):
    status = 400
    title = "Bad request"
    slug = "bad-request"


class AuthenticationError(MaestroError):
    status = 401
    title = "Not authenticated"
    slug = "unauthenticated"

    def __init__(self, detail: str = "Missing or invalid credentials") -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class PermissionDeniedError(MaestroError):
    status = 403
    title = "Forbidden"
    slug = "forbidden"


class NotFoundError(MaestroError):
    status = 404
    title = "Not found"
    slug = "not-found"


class ConflictError(MaestroError):
    status = 409
    title = "Conflict"
    slug = "conflict"


class PayloadTooLargeError(MaestroError):
    status = 413
    title = "Payload too large"
    slug = "payload-too-large"


class UnsupportedMediaTypeError(MaestroError):
    status = 415
    title = "Unsupported media type"
    slug = "unsupported-media-type"


class UnprocessableError(MaestroError):
    status = 422
    title = "Unprocessable content"
    slug = "unprocessable"


class RateLimitedError(MaestroError):
    status = 429
    title = "Too many requests"
    slug = "rate-limited"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail, headers={"Retry-After": str(max(1, retry_after))})


class ServiceUnavailableError(MaestroError):
    status = 503
    title = "Service unavailable"
    slug = "unavailable"
