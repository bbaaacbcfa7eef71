"""One mapping from HTTP status to a typed provider error, shared by every provider."""

from __future__ import annotations

from collections.abc import Mapping

from eventmaestro.llm.errors import (
    BadProviderRequest,
    PaymentRequired,
    ProviderAuthError,
    ProviderError,
    ProviderUnavailable,
    RateLimitedByProvider,
)


def retry_after_seconds(headers: Mapping[str, str] | None) -> float | None:
    """`Retry-After` in seconds (the HTTP-date form is not used by LLM providers)."""
    if not headers:
        return None
    value = headers.get("retry-after-ms")
    if value is not None:
        try:
            return max(0.0, float(value) / 1000)
        except ValueError:
            return None
    value = headers.get("retry-after")
    try:
        return None if value is None else max(0.0, float(value))
    except ValueError:
        return None


def error_for_status(
    provider: str, status: int, headers: Mapping[str, str] | None = None
) -> ProviderError:
    if status == 429:
        return RateLimitedByProvider(
            provider, "rate limited (429)", retry_after=retry_after_seconds(headers)
        )
    if status == 402:
        return PaymentRequired(provider, "payment required (402): the token balance is spent")
    if status in (401, 403):
        return ProviderAuthError(provider, f"credentials rejected ({status})")
    if status >= 500:
        return ProviderUnavailable(provider, f"server error ({status})")
    return BadProviderRequest(provider, f"request rejected ({status})")
