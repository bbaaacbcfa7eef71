"""Typed provider failures, so the router decides retry / fall back / give up by type alone.

`ProviderError`s never reach an HTTP client: the router catches them and falls back. Only the
`MaestroError`s at the bottom (limits) are meant for the caller.
"""

from __future__ import annotations

from eventmaestro.kit.errors import MaestroError


class ProviderError(Exception):
    """A provider could not answer this attempt. `retryable`: the same provider may succeed
    if asked again shortly (rate limit, 5xx, dropped connection)."""

    retryable: bool = False

    def __init__(self, provider: str, detail: str) -> None:
        super().__init__(f"{provider}: {detail}")
        self.provider = provider
        self.detail = detail


class RateLimitedByProvider(ProviderError):
    retryable = True

    def __init__(self, provider: str, detail: str, *, retry_after: float | None = None) -> None:
        super().__init__(provider, detail)
        self.retry_after = retry_after


class ProviderUnavailable(ProviderError):
    """5xx, dropped connection, malformed answer: the provider is unwell right now."""

    retryable = True


class ProviderTimeout(ProviderError):
    """The attempt ran out of the time the caller's deadline left it; retrying the same
    provider would only run out again, so the router moves down the chain."""


class PaymentRequired(ProviderError):
    """402: the account is out of tokens. Not retryable until someone pays."""


class ProviderAuthError(ProviderError):
    """Credentials rejected even after one re-authentication."""


class BadProviderRequest(ProviderError):
    """4xx the provider blames on the request (400, 413, 422); another model may accept it."""


class LLMLimitExceededError(MaestroError):
    status = 429
    title = "LLM usage limit reached"
    slug = "llm-limit"
